/*
 * Sluice's SQL dialect: the subset of Spark SQL that Sluice runs (queries, expressions, temporary
 * views, SHOW/DESCRIBE/EXPLAIN/SET). Keywords are case-insensitive. Keywords listed in
 * `nonReserved` may also be used as names (a column called `date`, `value` or `window`).
 * The AST builder (AstBuilder and friends) turns the parse tree into the logical plans and
 * expressions the DataFrame API builds.
 */
grammar SluiceSql;

options { caseInsensitive = true; }

// ------------------------------------------------------------------ entry points

singleStatement
    : statement SEMICOLON* EOF
    ;

singleExpression
    : namedExpression EOF
    ;

singleMultipartIdentifier
    : multipartIdentifier EOF
    ;

singleDataType
    : dataType EOF
    ;

// ------------------------------------------------------------------ statements

statement
    : query                                                             #queryStatement
    | CREATE (OR REPLACE)? GLOBAL? (TEMPORARY | TEMP) VIEW
        (IF NOT EXISTS)? multipartIdentifier AS? query                  #createTempView
    | DROP VIEW (IF EXISTS)? multipartIdentifier                        #dropView
    | SHOW (TABLES | VIEWS) ((FROM | IN) multipartIdentifier)?
        (LIKE? pattern=stringLit)?                                      #showTables
    | SHOW FUNCTIONS (LIKE? pattern=stringLit)?                         #showFunctions
    | (DESC | DESCRIBE) FUNCTION EXTENDED? functionName                 #describeFunction
    | (DESC | DESCRIBE) TABLE? EXTENDED? multipartIdentifier            #describeRelation
    | EXPLAIN explainMode=(EXTENDED | FORMATTED | CODEGEN | COST)? statement   #explain
    | SET .*?                                                           #setConfiguration
    | RESET .*?                                                         #resetConfiguration
    ;

// ------------------------------------------------------------------ queries

query
    : ctes? queryTerm queryOrganization
    ;

ctes
    : WITH namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : name=identifier AS? LEFT_PAREN query RIGHT_PAREN
    ;

queryOrganization
    : (ORDER BY sortItem (COMMA sortItem)*)? (LIMIT (ALL | limit=expression))?
    ;

queryTerm
    : queryPrimary                                                      #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm  #setOperation
    | left=queryTerm operator=(UNION | EXCEPT | SETMINUS) setQuantifier? right=queryTerm
                                                                        #setOperation
    ;

queryPrimary
    : querySpecification                                                #queryPrimaryDefault
    | TABLE multipartIdentifier                                         #table
    | inlineTable                                                       #inlineTableDefault
    | LEFT_PAREN query RIGHT_PAREN                                      #subquery
    ;

querySpecification
    : SELECT setQuantifier? namedExpressionSeq fromClause?
        (WHERE where=booleanExpression)? aggregationClause? (HAVING having=booleanExpression)?
        windowClause?
    ;

windowClause
    : WINDOW namedWindow (COMMA namedWindow)*
    ;

namedWindow
    : name=identifier AS windowSpec
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

aggregationClause
    : GROUP BY ALL
    | GROUP BY groupByClause (COMMA groupByClause)* (WITH kind=(ROLLUP | CUBE))?
    ;

groupByClause
    : groupingAnalytics
    | expression
    ;

groupingAnalytics
    : kind=(ROLLUP | CUBE) LEFT_PAREN groupingSet (COMMA groupingSet)* RIGHT_PAREN
    | GROUPING SETS LEFT_PAREN groupingElement (COMMA groupingElement)* RIGHT_PAREN
    ;

groupingElement
    : groupingAnalytics
    | groupingSet
    ;

groupingSet
    : LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
    | expression
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrder=(FIRST | LAST))?
    ;

fromClause
    : FROM relation (COMMA relation)* lateralView*
    ;

lateralView
    : LATERAL VIEW OUTER? functionName LEFT_PAREN (expression (COMMA expression)*)? RIGHT_PAREN
        tableName=identifier (AS? columns+=identifier (COMMA columns+=identifier)*)?
    ;

relation
    : relationPrimary joinRelation*
    ;

joinRelation
    : joinType JOIN right=relationPrimary joinCriteria?
    ;

joinType
    : INNER?
    | CROSS
    | LEFT OUTER?
    | LEFT? SEMI
    | RIGHT OUTER?
    | FULL OUTER?
    | LEFT? ANTI
    ;

joinCriteria
    : ON booleanExpression
    | USING identifierList
    ;

relationPrimary
    : multipartIdentifier tableAlias                                    #tableName
    | LEFT_PAREN query RIGHT_PAREN tableAlias                           #aliasedQuery
    | LEFT_PAREN relation RIGHT_PAREN tableAlias                        #aliasedRelation
    | inlineTable                                                       #inlineTableRelation
    ;

inlineTable
    : VALUES inlineRow (COMMA inlineRow)* tableAlias
    ;

inlineRow
    : LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | expression
    ;

tableAlias
    : (AS? identifier identifierList?)?
    ;

identifierList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

// ------------------------------------------------------------------ expressions

namedExpressionSeq
    : namedExpression (COMMA namedExpression)*
    ;

namedExpression
    : expression (AS? (name=identifier | identifierList))?
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : NOT booleanExpression                                             #logicalNot
    | EXISTS LEFT_PAREN query RIGHT_PAREN                               #exists
    | valueExpression predicate?                                        #predicated
    | left=booleanExpression operator=AND right=booleanExpression       #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression        #logicalBinary
    ;

predicate
    : NOT? kind=BETWEEN lower=valueExpression AND upper=valueExpression
    | NOT? kind=IN LEFT_PAREN query RIGHT_PAREN
    | NOT? kind=IN LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN
    | NOT? kind=(RLIKE | REGEXP) pattern=valueExpression
    | NOT? kind=(LIKE | ILIKE) quantifier=(ANY | SOME | ALL)
        (LEFT_PAREN RIGHT_PAREN | LEFT_PAREN expression (COMMA expression)* RIGHT_PAREN)
    | NOT? kind=(LIKE | ILIKE) pattern=valueExpression (ESCAPE escapeChar=stringLit)?
    | IS NOT? kind=NULL
    | IS NOT? kind=(TRUE | FALSE | UNKNOWN)
    | IS NOT? kind=DISTINCT FROM right=valueExpression
    ;

valueExpression
    : primaryExpression                                                 #valueExpressionDefault
    | operator=(MINUS | PLUS) valueExpression                           #arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT | DIV)
        right=valueExpression                                           #arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression  #arithmeticBinary
    | left=valueExpression operator=CONCAT_PIPE right=valueExpression   #arithmeticBinary
    | left=valueExpression comparisonOperator right=valueExpression     #comparison
    ;

comparisonOperator
    : EQ | NEQ | NEQJ | LT | LTE | GT | GTE | NSEQ
    ;

primaryExpression
    : CASE whenClause+ (ELSE elseExpression=expression)? END            #searchedCase
    | CASE value=expression whenClause+ (ELSE elseExpression=expression)? END  #simpleCase
    | name=(CAST | TRY_CAST) LEFT_PAREN expression AS dataType RIGHT_PAREN  #cast
    | TRIM LEFT_PAREN trimOption=(BOTH | LEADING | TRAILING)? trimStr=valueExpression?
        FROM srcStr=valueExpression RIGHT_PAREN                         #trim
    | (SUBSTR | SUBSTRING) LEFT_PAREN str=valueExpression FROM pos=valueExpression
        (FOR len=valueExpression)? RIGHT_PAREN                          #substring
    | POSITION LEFT_PAREN substr=valueExpression IN str=valueExpression RIGHT_PAREN  #position
    | EXTRACT LEFT_PAREN field=identifier FROM source=valueExpression RIGHT_PAREN  #extract
    | constant                                                          #constantDefault
    | ASTERISK                                                          #star
    | qualifiedName DOT ASTERISK                                        #star
    | functionName LEFT_PAREN (setQuantifier? arguments+=functionArgument
        (COMMA arguments+=functionArgument)*)? RIGHT_PAREN
        (nullsOption=(IGNORE | RESPECT) NULLS)? (OVER windowSpec)?      #functionCall
    | name=(CURRENT_DATE | CURRENT_TIMESTAMP)                           #currentLike
    | value=primaryExpression LEFT_BRACKET index=valueExpression RIGHT_BRACKET  #subscript
    | identifier                                                        #columnReference
    | base=primaryExpression DOT fieldName=fieldIdentifier              #dereference
    | LEFT_PAREN query RIGHT_PAREN                                      #subqueryExpression
    | LEFT_PAREN expression RIGHT_PAREN                                 #parenthesizedExpression
    | primaryExpression DOUBLE_COLON dataType                           #castByColon
    ;

// A lambda is only meaningful as an argument of a (higher-order) function, so it is parsed
// only there: a parenthesized expression elsewhere keeps its one-token decision (and the
// "missing ')'" hint of its syntax errors).
functionArgument
    : identifier ARROW body=expression                                  #lambda
    | LEFT_PAREN identifier (COMMA identifier)+ RIGHT_PAREN ARROW body=expression  #lambda
    | namedExpression                                                   #plainArgument
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

windowSpec
    : name=identifier                                                   #windowRef
    | LEFT_PAREN name=identifier RIGHT_PAREN                            #windowRef
    | LEFT_PAREN (PARTITION BY partition+=expression (COMMA partition+=expression)*)?
        (ORDER BY sortItem (COMMA sortItem)*)? windowFrame? RIGHT_PAREN  #windowDef
    ;

windowFrame
    : frameType=(ROWS | RANGE) start=frameBound
    | frameType=(ROWS | RANGE) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED boundType=(PRECEDING | FOLLOWING)
    | boundType=CURRENT ROW
    | expression boundType=(PRECEDING | FOLLOWING)
    ;

// LEFT, RIGHT, LIKE and RLIKE are reserved but also name functions: left(s, 2), like(s, 'a%').
functionName
    : qualifiedName
    | LEFT
    | RIGHT
    | LIKE
    | RLIKE
    ;

constant
    : NULL                                                              #nullLiteral
    | interval                                                          #intervalLiteral
    | identifier stringLit                                              #typeConstructor
    | number                                                            #numericLiteral
    | booleanValue                                                      #booleanLiteral
    | stringLit+                                                        #stringLiteral
    ;

booleanValue
    : TRUE | FALSE
    ;

interval
    : INTERVAL (intervalValue intervalUnit)+                            #multiUnitsInterval
    | INTERVAL intervalValue from=intervalUnit TO to=intervalUnit       #unitToUnitInterval
    | INTERVAL stringLit                                                #intervalString
    ;

intervalValue
    : (PLUS | MINUS)? (INTEGER_VALUE | DECIMAL_VALUE | stringLit)
    ;

intervalUnit
    : YEAR | YEARS | MONTH | MONTHS | WEEK | WEEKS | DAY | DAYS | HOUR | HOURS
    | MINUTE | MINUTES | SECOND | SECONDS | MILLISECOND | MILLISECONDS
    | MICROSECOND | MICROSECONDS
    ;

number
    : MINUS? EXPONENT_VALUE                                             #exponentLiteral
    | MINUS? DECIMAL_VALUE                                              #decimalLiteral
    | MINUS? INTEGER_VALUE                                              #integerLiteral
    | MINUS? BIGINT_LITERAL                                             #bigIntLiteral
    | MINUS? SMALLINT_LITERAL                                           #smallIntLiteral
    | MINUS? TINYINT_LITERAL                                            #tinyIntLiteral
    | MINUS? DOUBLE_LITERAL                                             #doubleLiteral
    | MINUS? FLOAT_LITERAL                                              #floatLiteral
    | MINUS? BIGDECIMAL_LITERAL                                         #bigDecimalLiteral
    ;

stringLit
    : STRING_LITERAL
    | DOUBLEQUOTED_STRING
    ;

// ------------------------------------------------------------------ types

dataType
    : ARRAY LT dataType GT                                              #arrayDataType
    | MAP LT keyType=dataType COMMA valueType=dataType GT               #mapDataType
    | STRUCT (LT (structField (COMMA structField)*)? GT | NEQ)          #structDataType
    | INTERVAL from=intervalUnit (TO to=intervalUnit)?                  #intervalDataType
    | INTERVAL                                                          #calendarIntervalDataType
    | identifier (LEFT_PAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RIGHT_PAREN)?  #primitiveDataType
    ;

structField
    : fieldIdentifier COLON? dataType (NOT NULL)? (COMMENT stringLit)?
    ;

// ------------------------------------------------------------------ names

multipartIdentifier
    : parts+=identifier (DOT parts+=identifier)*
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

identifier
    : IDENTIFIER                                                        #unquotedIdentifier
    | BACKQUOTED_IDENTIFIER                                             #quotedIdentifier
    | nonReserved                                                       #unquotedIdentifier
    ;

// A struct field name: after a dot, any word names a field (`window.end`).
fieldIdentifier
    : identifier
    | reservedKeyword
    ;

reservedKeyword
    : ALL | AND | ANTI | AS | BETWEEN | BY | CASE | CAST | CROSS | DISTINCT | ELSE | END | EXCEPT
    | FALSE | FROM | FULL | GROUP | HAVING | IN | INNER | INTERSECT | INTERVAL | IS | JOIN
    | LATERAL | LEFT | LIKE | LIMIT | NOT | NULL | ON | OR | ORDER | OUTER | RIGHT | RLIKE
    | SELECT | SEMI | SETMINUS | THEN | TRUE | UNION | USING | VALUES | WHEN | WHERE | WITH
    ;

// Keywords that may also be used as names.
nonReserved
    : ANY | ARRAY | ASC | BOTH | CODEGEN | CUBE | COMMENT | COST | CREATE | CURRENT | CURRENT_DATE
    | CURRENT_TIMESTAMP | DAY | DAYS | DESC | DESCRIBE | DIV | DROP | ESCAPE | EXISTS | EXPLAIN
    | EXTENDED | EXTRACT | FIRST | FOLLOWING | FOR | GROUPING | FORMATTED | FUNCTION | FUNCTIONS | GLOBAL | HOUR | HOURS | IF
    | IGNORE | ILIKE | LAST | LEADING | MAP | MICROSECOND | MICROSECONDS | MILLISECOND | MILLISECONDS | MINUTE | MINUTES
    | MONTH | MONTHS | NULLS | OVER | PARTITION | POSITION | PRECEDING | RANGE | REGEXP | REPLACE
    | RESET | RESPECT | ROLLUP | ROW | ROWS | SECOND | SECONDS | SET | SETS | SHOW | SOME | STRUCT | SUBSTR
    | SUBSTRING | TABLE | TABLES | TEMP | TEMPORARY | TO | TRAILING | TRIM | TRY_CAST | UNBOUNDED | UNKNOWN | VIEW | VIEWS | WEEK | WEEKS | WINDOW | YEAR | YEARS
    ;

// ------------------------------------------------------------------ lexer: keywords

ALL: 'ALL';
AND: 'AND';
ANTI: 'ANTI';
ANY: 'ANY';
ARRAY: 'ARRAY';
AS: 'AS';
ASC: 'ASC';
BETWEEN: 'BETWEEN';
BOTH: 'BOTH';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CODEGEN: 'CODEGEN';
COMMENT: 'COMMENT';
COST: 'COST';
CREATE: 'CREATE';
CROSS: 'CROSS';
CUBE: 'CUBE';
CURRENT: 'CURRENT';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DAY: 'DAY';
DAYS: 'DAYS';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DIV: 'DIV';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTENDED: 'EXTENDED';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FIRST: 'FIRST';
FOLLOWING: 'FOLLOWING';
FOR: 'FOR';
FORMATTED: 'FORMATTED';
FROM: 'FROM';
FULL: 'FULL';
FUNCTION: 'FUNCTION';
FUNCTIONS: 'FUNCTIONS';
GLOBAL: 'GLOBAL';
GROUP: 'GROUP';
GROUPING: 'GROUPING';
HAVING: 'HAVING';
HOUR: 'HOUR';
HOURS: 'HOURS';
IF: 'IF';
IGNORE: 'IGNORE';
ILIKE: 'ILIKE';
IN: 'IN';
INNER: 'INNER';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
IS: 'IS';
JOIN: 'JOIN';
LAST: 'LAST';
LATERAL: 'LATERAL';
LEADING: 'LEADING';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
MAP: 'MAP';
MICROSECOND: 'MICROSECOND';
MICROSECONDS: 'MICROSECONDS';
MILLISECOND: 'MILLISECOND';
MILLISECONDS: 'MILLISECONDS';
MINUTE: 'MINUTE';
MINUTES: 'MINUTES';
MONTH: 'MONTH';
MONTHS: 'MONTHS';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
ON: 'ON';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OVER: 'OVER';
PARTITION: 'PARTITION';
POSITION: 'POSITION';
PRECEDING: 'PRECEDING';
RANGE: 'RANGE';
REGEXP: 'REGEXP';
REPLACE: 'REPLACE';
RESET: 'RESET';
RESPECT: 'RESPECT';
RIGHT: 'RIGHT';
RLIKE: 'RLIKE';
ROLLUP: 'ROLLUP';
ROW: 'ROW';
ROWS: 'ROWS';
SECOND: 'SECOND';
SECONDS: 'SECONDS';
SELECT: 'SELECT';
SEMI: 'SEMI';
SET: 'SET';
SETMINUS: 'MINUS';
SETS: 'SETS';
SHOW: 'SHOW';
SOME: 'SOME';
STRUCT: 'STRUCT';
SUBSTR: 'SUBSTR';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEMP: 'TEMP';
TEMPORARY: 'TEMPORARY';
THEN: 'THEN';
TO: 'TO';
TRAILING: 'TRAILING';
TRIM: 'TRIM';
TRUE: 'TRUE';
TRY_CAST: 'TRY_CAST';
UNBOUNDED: 'UNBOUNDED';
UNION: 'UNION';
UNKNOWN: 'UNKNOWN';
USING: 'USING';
VALUES: 'VALUES';
VIEW: 'VIEW';
VIEWS: 'VIEWS';
WEEK: 'WEEK';
WEEKS: 'WEEKS';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
YEAR: 'YEAR';
YEARS: 'YEARS';

// ------------------------------------------------------------------ lexer: operators

EQ: '=' | '==';
NSEQ: '<=>';
NEQ: '<>';
NEQJ: '!=';
LT: '<';
LTE: '<=' | '!>';
GT: '>';
GTE: '>=' | '!<';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT_PIPE: '||';
DOUBLE_COLON: '::';
ARROW: '->';
COLON: ':';
SEMICOLON: ';';
COMMA: ',';
DOT: '.';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';

// ------------------------------------------------------------------ lexer: literals and names

STRING_LITERAL
    : '\'' ( ~['\\] | '\\' . | '\'\'' )* '\''
    ;

DOUBLEQUOTED_STRING
    : '"' ( ~["\\] | '\\' . | '""' )* '"'
    ;

BIGINT_LITERAL: DIGIT+ 'L';
SMALLINT_LITERAL: DIGIT+ 'S';
TINYINT_LITERAL: DIGIT+ 'Y';
INTEGER_VALUE: DIGIT+;
EXPONENT_VALUE: (DIGIT+ | DECIMAL_DIGITS) EXPONENT;
DECIMAL_VALUE: DECIMAL_DIGITS;
FLOAT_LITERAL: (DIGIT+ | DECIMAL_DIGITS) EXPONENT? 'F';
DOUBLE_LITERAL: (DIGIT+ | DECIMAL_DIGITS) EXPONENT? 'D';
BIGDECIMAL_LITERAL: (DIGIT+ | DECIMAL_DIGITS) EXPONENT? 'BD';

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_')*
    ;

BACKQUOTED_IDENTIFIER
    : '`' ( ~'`' | '``' )* '`'
    ;

fragment DECIMAL_DIGITS
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

fragment EXPONENT
    : 'E' [+-]? DIGIT+
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [\p{L}]
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \t\r\n\f]+ -> channel(HIDDEN)
    ;

// Any other character: reported by the parser as a syntax error at that character.
UNRECOGNIZED
    : .
    ;
