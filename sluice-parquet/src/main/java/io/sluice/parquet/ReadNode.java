package io.sluice.parquet;

import io.sluice.exec.vector.ArrayVector;
import io.sluice.exec.vector.ColumnVector;
import io.sluice.exec.vector.MapVector;
import io.sluice.exec.vector.StructVector;
import io.sluice.types.ArrayType;
import io.sluice.types.DataType;
import io.sluice.types.MapType;
import io.sluice.types.StructType;
import java.util.List;

/**
 * One value of the read schema assembled from a file's leaf columns (Dremel record assembly). The
 * leaves ({@link LeafColumn}) read the repetition and definition levels of a batch of records;
 * groups, lists and maps then derive their rows, nulls and offsets from the levels of their first
 * leaf.
 *
 * <p>Every node knows the levels of its nearest repeated ancestor-or-self ({@code slotRep}, {@code
 * slotDef}): a level entry with {@code r <= slotRep && d >= slotDef} is one value (a "slot") of the
 * node; the slot is null when {@code d < def}, the definition level at which the node is present.
 */
abstract sealed class ReadNode {
  final DataType type;
  final int def;
  final int slotRep;
  final int slotDef;

  ReadNode(DataType type, int def, int slotRep, int slotDef) {
    this.type = type;
    this.def = def;
    this.slotRep = slotRep;
    this.slotDef = slotDef;
  }

  /** The leaf whose levels give this node's structure; null for an absent node. */
  abstract LeafColumn firstLeaf();

  /** The vector of this node's {@code slots} values for the records the leaves read. */
  abstract ColumnVector build(int slots);

  /** A column the file does not have: all null. */
  static final class Absent extends ReadNode {
    Absent(DataType type) {
      super(type, 0, 0, 0);
    }

    @Override
    LeafColumn firstLeaf() {
      return null;
    }

    @Override
    ColumnVector build(int slots) {
      ColumnVector v = ColumnVector.allocate(type, slots);
      for (int i = 0; i < slots; i++) v.appendNull();
      return v;
    }
  }

  /** A primitive column. */
  static final class Leaf extends ReadNode {
    final LeafColumn column;

    Leaf(LeafColumn column) {
      super(column.type, column.maxDef, column.slotRep, column.slotDef);
      this.column = column;
    }

    @Override
    LeafColumn firstLeaf() {
      return column;
    }

    @Override
    ColumnVector build(int slots) {
      return column.vector();
    }
  }

  /** A struct: its children share its slots. */
  static final class Group extends ReadNode {
    private final List<ReadNode> children;
    private final LeafColumn first;

    Group(StructType type, int def, int slotRep, int slotDef, List<ReadNode> children) {
      super(type, def, slotRep, slotDef);
      this.children = List.copyOf(children);
      LeafColumn f = null;
      for (ReadNode c : children) {
        if (f == null) f = c.firstLeaf();
      }
      this.first = f;
    }

    @Override
    LeafColumn firstLeaf() {
      return first;
    }

    @Override
    ColumnVector build(int slots) {
      int[] reps = first.reps;
      int[] defs = first.defs;
      boolean[] nulls = null;
      int row = 0;
      for (int i = 0; i < first.entries; i++) {
        if (reps[i] <= slotRep && defs[i] >= slotDef) {
          if (defs[i] < def) {
            if (nulls == null) nulls = new boolean[Math.max(slots, 1)];
            nulls[row] = true;
          }
          row++;
        }
      }
      ColumnVector[] vectors = new ColumnVector[children.size()];
      for (int c = 0; c < vectors.length; c++) vectors[c] = children.get(c).build(row);
      return new StructVector((StructType) type, vectors, nulls, row);
    }
  }

  /**
   * A list (or, with {@code value} set, a map): each slot is a row holding the element slots that
   * follow it at the element level ({@code elemRep}, {@code elemDef}).
   */
  static final class Repeated extends ReadNode {
    private final int elemRep;
    private final int elemDef;
    private final ReadNode element;
    private final ReadNode value;

    Repeated(
        DataType type,
        int def,
        int slotRep,
        int slotDef,
        int elemRep,
        int elemDef,
        ReadNode element,
        ReadNode value) {
      super(type, def, slotRep, slotDef);
      this.elemRep = elemRep;
      this.elemDef = elemDef;
      this.element = element;
      this.value = value;
    }

    @Override
    LeafColumn firstLeaf() {
      LeafColumn f = element.firstLeaf();
      return f != null || value == null ? f : value.firstLeaf();
    }

    @Override
    ColumnVector build(int slots) {
      LeafColumn first = firstLeaf();
      int[] reps = first.reps;
      int[] defs = first.defs;
      int[] offsets = new int[slots + 1];
      boolean[] nulls = null;
      int row = 0;
      int elems = 0;
      for (int i = 0; i < first.entries; i++) {
        int r = reps[i];
        int d = defs[i];
        if (r <= slotRep) {
          if (d < slotDef) continue;
          if (row + 1 >= offsets.length) offsets = java.util.Arrays.copyOf(offsets, row * 2 + 2);
          offsets[row] = elems;
          if (d < def) {
            if (nulls == null) nulls = new boolean[Math.max(slots, row + 1)];
            nulls[row] = true;
          }
          row++;
          if (d >= elemDef) elems++;
        } else if (r == elemRep && d >= elemDef) {
          elems++;
        }
      }
      offsets[row] = elems;
      ColumnVector elements = element.build(elems);
      if (value == null) {
        return new ArrayVector((ArrayType) type, offsets, elements, nulls, row);
      }
      return new MapVector((MapType) type, offsets, elements, value.build(elems), nulls, row);
    }
  }
}
