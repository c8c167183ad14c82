/* The text format and the script format, as a lemon grammar.
 *
 * Rule names follow the spec's text chapter (6.2-text.types,
 * 6.3-text.instructions, 6.4-text.modules) and script-format-README.md.
 *
 * Two things make the grammar LALR(1):
 *  - The driver (text/parse.c) hands `(` and a following clause keyword to
 *    the parser as one token: `(param` is LPAR_PARAM.  Whether a type use
 *    ends before `(` depends on the word after it, which is one token too
 *    far for LALR(1).  Instruction keywords are not merged: a folded
 *    instruction is LPAR followed by the instruction's token.
 *  - Instruction keywords come in classes by immediate shape (IDX, MEMARG,
 *    …), so there is one rule per shape, not per instruction; the token
 *    carries the Op.
 *
 * Actions emit instructions in the order of the flat instruction sequence
 * (text/parse.c text_emit): a plain instruction when it is reduced, a folded
 * one after its operands, a folded `if` when `(then` is reached. */

%include {
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "text/build.h"
#include "text/messages.h"
#include "text/parse.h"
#include "util/mem.h"

#define YYNOERRORRECOVERY 1
/* The parser's stack grows as the input nests (YYSTACKDEPTH 0), by a few
 * entries for each parenthesis and block the driver and text_emit let
 * through (the nesting limit, syntax/limits.h), and through util/mem.c as
 * every allocation does: lemon's template calls these three by name.  Its
 * only realloc of NULL is the first stack, made as the parser is; refused,
 * the parser starts on its one-entry stack, and the first allocation comes
 * with the first push, where a failure is reported (%stack_overflow). */
#define YYSTACKDEPTH 0
#define malloc(n) mem_alloc(n)
#define realloc(q, n) ((q) ? mem_realloc((q), (n)) : NULL)
#define free(q) mem_free(q)
}

%name TextParse
%token_prefix TOK_
%token_type {Token}
%extra_context {TextParser *p}
%start_symbol document

%syntax_error {
  (void)yymajor;
  text_syntax_error(p, TOKEN);
}

/* With a growing stack, it overflows only when there is no memory for it. */
%stack_overflow {
  text_oom(p);
}

/* Tokens the lexer produces, in groups; the driver merges `(` with each
 * token of the last group into its LPAR_ twin. */
%token START_SCRIPT START_MODULE.
%token LPAR RPAR NAT INT FLOAT STRING ID.
%token NUMTYPE VECTYPE PACKTYPE REFABBR ABSHEAP VECSHAPE NULL FINAL DECLARE
       OFFSET_EQ ALIGN_EQ NANPAT REFPAT BINARY QUOTE DEFINITION INSTANCE.
%token PLAIN IDX IDX_OPT IDX2_OPT INIT IDX2 TYPE_NUM MEMARG MEMARG_LANE
       SELECT BR_TABLE BR_ON_CAST CALL_INDIRECT HEAPTYPE REFTYPE RESUME
       RESUME_THROW CONST V128_CONST SHUFFLE LANE BLOCK IF ELSE END TRY_TABLE.
%token FUNC STRUCT ARRAY CONT.
%token MODULE TYPE PARAM RESULT LOCAL GLOBAL TABLE MEMORY ELEM DATA START
       IMPORT EXPORT TAG REC SUB FIELD MUT REF ITEM OFFSET THEN ON CATCH
       CATCH_REF CATCH_ALL CATCH_ALL_REF REGISTER INVOKE GET ASSERT_RETURN
       ASSERT_TRAP ASSERT_EXHAUSTION ASSERT_EXCEPTION ASSERT_SUSPENSION
       ASSERT_MALFORMED ASSERT_INVALID ASSERT_UNLINKABLE INPUT OUTPUT EITHER SCRIPT.
%token LPAR_FUNC LPAR_STRUCT LPAR_ARRAY LPAR_CONT.
%token LPAR_MODULE LPAR_TYPE LPAR_PARAM LPAR_RESULT LPAR_LOCAL LPAR_GLOBAL
       LPAR_TABLE LPAR_MEMORY LPAR_ELEM LPAR_DATA LPAR_START LPAR_IMPORT
       LPAR_EXPORT LPAR_TAG LPAR_REC LPAR_SUB LPAR_FIELD LPAR_MUT LPAR_REF
       LPAR_ITEM LPAR_OFFSET LPAR_THEN LPAR_ELSE LPAR_ON LPAR_CATCH
       LPAR_CATCH_REF LPAR_CATCH_ALL LPAR_CATCH_ALL_REF LPAR_REGISTER
       LPAR_INVOKE LPAR_GET LPAR_ASSERT_RETURN LPAR_ASSERT_TRAP
       LPAR_ASSERT_EXHAUSTION LPAR_ASSERT_EXCEPTION LPAR_ASSERT_SUSPENSION
       LPAR_ASSERT_MALFORMED LPAR_ASSERT_INVALID LPAR_ASSERT_UNLINKABLE
       LPAR_INPUT LPAR_OUTPUT LPAR_EITHER LPAR_SCRIPT.

document ::= START_SCRIPT script.
document ::= START_MODULE module_text.

/////////////////////////////////////////////////////////////// Scripts ////

/* script ::= cmd* — or a module's fields alone, as one module */
script ::= commands.
script ::= bare_fields. { build_bare_module(p); }

bare_fields ::= modulefield.
bare_fields ::= bare_fields modulefield.

commands ::= .
commands ::= commands command.

%type script_module {ScriptModule *}
%type module_decl {ScriptModule *}

/* module ::= (module $id? field*) | (module $id? binary string*) | (module $id? quote string*)
 *          | (module definition …) */
module_decl(M) ::= LPAR_MODULE(L) id_opt(I). { M = build_script_module(p, L, false, I); }
module_decl(M) ::= LPAR_MODULE(L) DEFINITION id_opt(I). { M = build_script_module(p, L, true, I); }

script_module(M) ::= module_decl(D) modulefields RPAR. { M = D; build_text_module(p, M); }
script_module(M) ::= module_decl(D) BINARY strings(S) RPAR. { M = D; build_module_bytes(p, M, SMOD_BINARY, S); }
script_module(M) ::= module_decl(D) QUOTE strings(S) RPAR. { M = D; build_module_bytes(p, M, SMOD_QUOTE, S); }

%type strings {Bytes}
strings(S) ::= string_list(L). { S = build_strings(p, L); }

%type string_list {Tokens}
string_list(L) ::= . { L = (Tokens){0}; }
string_list(L) ::= string_list(L1) STRING(T). { L = L1; PUSH(p, L, T); }

command ::= script_module(M). { build_command_module(p, CMD_MODULE, M, (Bytes){0}); }
/* instance ::= (module instance $i? $m?) */
%type instance {Command *}
instance(C) ::= LPAR_MODULE(L) INSTANCE RPAR. { C = build_instance(p, L, (Token){0}, (Token){0}); }
instance(C) ::= LPAR_MODULE(L) INSTANCE ID(M) RPAR. { C = build_instance(p, L, (Token){0}, M); }
instance(C) ::= LPAR_MODULE(L) INSTANCE ID(I) ID(M) RPAR. { C = build_instance(p, L, I, M); }
command ::= instance(C). { build_command_instance(p, CMD_INSTANCE, C, (Bytes){0}); }
/* (register name $id?) */
command ::= LPAR_REGISTER(L) name(N) id_opt(I) RPAR. { build_command_register(p, L, N, I); }
command ::= action(A). { build_command_action(p, CMD_ACTION, A, (Bytes){0}); }
command ::= LPAR_ASSERT_RETURN action(A) results(R) RPAR. { build_command_return(p, A, R); }
command ::= LPAR_ASSERT_TRAP action(A) failure(F) RPAR. { build_command_action(p, CMD_ASSERT_TRAP, A, F); }
command ::= LPAR_ASSERT_TRAP script_module(M) failure(F) RPAR. { build_command_module(p, CMD_ASSERT_TRAP_MODULE, M, F); }
command ::= LPAR_ASSERT_TRAP instance(C) failure(F) RPAR. { build_command_instance(p, CMD_ASSERT_TRAP_MODULE, C, F); }
command ::= LPAR_ASSERT_EXHAUSTION action(A) failure(F) RPAR. { build_command_action(p, CMD_ASSERT_EXHAUSTION, A, F); }
command ::= LPAR_ASSERT_EXCEPTION action(A) RPAR. { build_command_action(p, CMD_ASSERT_EXCEPTION, A, (Bytes){0}); }
command ::= LPAR_ASSERT_SUSPENSION action(A) failure(F) RPAR. { build_command_action(p, CMD_ASSERT_SUSPENSION, A, F); }
command ::= LPAR_ASSERT_MALFORMED script_module(M) failure(F) RPAR. { build_command_module(p, CMD_ASSERT_MALFORMED, M, F); }
command ::= LPAR_ASSERT_INVALID script_module(M) failure(F) RPAR. { build_command_module(p, CMD_ASSERT_INVALID, M, F); }
command ::= LPAR_ASSERT_UNLINKABLE script_module(M) failure(F) RPAR. { build_command_module(p, CMD_ASSERT_UNLINKABLE, M, F); }
command ::= LPAR_ASSERT_UNLINKABLE instance(C) failure(F) RPAR. { build_command_instance(p, CMD_ASSERT_UNLINKABLE, C, F); }
/* meta ::= (input $id? string) | (output $id? string?) | (script $id? cmd*) */
command ::= LPAR_INPUT(L) id_opt(I) STRING(S) RPAR. { build_command_file(p, CMD_INPUT, L, I, &S); }
command ::= LPAR_OUTPUT(L) id_opt(I) STRING(S) RPAR. { build_command_file(p, CMD_OUTPUT, L, I, &S); }
command ::= LPAR_OUTPUT(L) id_opt(I) RPAR. { build_command_file(p, CMD_OUTPUT, L, I, NULL); }
/* meta ::= (script $id? cmd*): the nested commands follow the CMD_SCRIPT one */
%type script_head {uint32_t}
script_head(H) ::= LPAR_SCRIPT(L) id_opt(I). { H = build_script_begin(p, L, I); }
command ::= script_head(H) commands RPAR. { build_script_end(p, H); }

%type failure {Bytes}
failure(F) ::= STRING(S). { F = text_string(p, S); }

/* action ::= (invoke $id? name const*) | (get $id? name) */
%type action {Action *}
action(A) ::= LPAR_INVOKE(L) id_opt(I) name(N) consts(C) RPAR. { A = build_action(p, ACTION_INVOKE, L, I, N, C); }
action(A) ::= LPAR_GET(L) id_opt(I) name(N) RPAR. { A = build_action(p, ACTION_GET, L, I, N, (Consts){0}); }

%type consts {Consts}
consts(C) ::= . { C = (Consts){0}; }
consts(C) ::= consts(C1) const(K). { C = build_consts_push(p, C1, K); }

/* const ::= (t.const num) | (v128.const shape num*) | (ref.null ht) | (ref.host n) | (ref.extern n) */
%type const {Const *}
const(K) ::= LPAR CONST(T) num(N) RPAR. { K = build_const_num(p, T, N); }
const(K) ::= LPAR V128_CONST(T) VECSHAPE(S) tokens(L) RPAR. { K = build_const_vec(p, T, S, L); }
const(K) ::= LPAR HEAPTYPE(T) heaptype(H) RPAR. { K = build_const_null(p, T, H); }
const(K) ::= LPAR REFPAT(T) NAT(N) RPAR. { K = build_const_ref(p, T, N); }

%type results {Results}
results(R) ::= . { R = (Results){0}; }
results(R) ::= results(R1) result(X). { R = build_results_push(p, R1, X); }

/* result_pat, as listed in the README's script grammar */
%type result {Result *}
result(X) ::= LPAR CONST(T) num(N) RPAR. { X = build_result_num(p, T, N); }
result(X) ::= LPAR CONST(T) NANPAT(N) RPAR. { X = build_result_num(p, T, N); }
result(X) ::= LPAR V128_CONST(T) VECSHAPE(S) tokens(L) RPAR. { X = build_result_vec(p, T, S, L); }
result(X) ::= LPAR HEAPTYPE(T) RPAR. { X = build_result_null(p, T, NULL); }
result(X) ::= LPAR HEAPTYPE(T) heaptype(H) RPAR. { X = build_result_null(p, T, &H); }
result(X) ::= LPAR IDX(T) RPAR. { X = build_result_keyword(p, T); }
result(X) ::= LPAR PLAIN(T) RPAR. { X = build_result_keyword(p, T); }
result(X) ::= LPAR REFPAT(T) RPAR. { X = build_result_ref(p, T, NULL); }
result(X) ::= LPAR REFPAT(T) NAT(N) RPAR. { X = build_result_ref(p, T, &N); }
result(X) ::= LPAR_REF(T) RPAR. { X = build_result_any_ref(p, T); }
result(X) ::= LPAR_EITHER(T) results(R) RPAR. { X = build_result_either(p, T, R); }

%type num {Token}
num(N) ::= NAT(T). { N = T; }
num(N) ::= INT(T). { N = T; }
num(N) ::= FLOAT(T). { N = T; }

/* Number and NaN-pattern tokens of v128.const, checked by the action. */
%type tokens {Tokens}
tokens(L) ::= . { L = (Tokens){0}; }
tokens(L) ::= tokens(L1) num(T). { L = L1; PUSH(p, L, T); }
tokens(L) ::= tokens(L1) NANPAT(T). { L = L1; PUSH(p, L, T); }

/////////////////////////////////////////////////////////////// Modules ////

/* module ::= (module $id? decl*) | decl* */
module_text ::= module_head modulefields RPAR. { build_finish_module(p); }
module_text ::= modulefields. { build_finish_module(p); }

module_head ::= LPAR_MODULE id_opt.

modulefields ::= .
modulefields ::= modulefields modulefield.

/* decl ::= type | import | tag | global | mem | table | func | data | elem | start | export */
modulefield ::= rectype.
modulefield ::= import.
modulefield ::= tag.
modulefield ::= global.
modulefield ::= mem.
modulefield ::= table.
modulefield ::= func.
modulefield ::= data.
modulefield ::= elem.
modulefield ::= start_field.
modulefield ::= export.

%type id_opt {Token}
id_opt(I) ::= . { I = (Token){0}; }
id_opt(I) ::= ID(T). { I = T; }

%type name {Name}
name(N) ::= STRING(T). { N = text_name(p, T); }

/* idx ::= u32 | id */
%type var {Token}
var(V) ::= NAT(T). { V = T; }
var(V) ::= ID(T). { V = T; }

%type vars {Indices}
vars(L) ::= . { L = (Indices){0}; }
vars(L) ::= vars(L1) var(V). { L = L1; PUSH(p, L, text_var(p, V)); }

///////////////////////////////////////////////////////////////// Types ////

/* valtype ::= numtype | vectype | reftype */
%type valtype {ValType}
valtype(T) ::= NUMTYPE(K). { T = valtype_num((ValKind)K.value); }
valtype(T) ::= VECTYPE. { T = valtype_num(VAL_V128); }
valtype(T) ::= reftype(R). { T = R; }

/* reftype ::= (ref null? heaptype) | anyref | funcref | … */
%type reftype {ValType}
reftype(R) ::= LPAR_REF null_opt(N) heaptype(H) RPAR. { R = H; R.null = N; }
reftype(R) ::= REFABBR(K). { R = valtype_ref(true, (HeapKind)K.value, 0); }

%type null_opt {bool}
null_opt(N) ::= . { N = false; }
null_opt(N) ::= NULL. { N = true; }

/* heaptype ::= absheaptype | typeidx; the result is a reftype without null */
%type heaptype {ValType}
heaptype(H) ::= ABSHEAP(K). { H = valtype_ref(false, (HeapKind)K.value, 0); }
heaptype(H) ::= FUNC. { H = valtype_ref(false, HEAP_FUNC, 0); }
heaptype(H) ::= STRUCT. { H = valtype_ref(false, HEAP_STRUCT, 0); }
heaptype(H) ::= ARRAY. { H = valtype_ref(false, HEAP_ARRAY, 0); }
/* spec: text-heaptypes */
heaptype(H) ::= CONT. { H = valtype_ref(false, HEAP_CONT, 0); }
heaptype(H) ::= var(V). { H = valtype_ref(false, HEAP_IDX, text_var(p, V)); }

%type valtypes {ValTypes}
valtypes(L) ::= . { L = (ValTypes){0}; }
valtypes(L) ::= valtypes(L1) valtype(T). { L = L1; PUSH(p, L, T); }

/* rectype ::= (rec typedef*) | typedef */
rectype ::= rec_open typedefs RPAR. { build_rec_close(p); }
rectype ::= typedef.

rec_open ::= LPAR_REC(T). { build_rec_open(p, T); }

typedefs ::= .
typedefs ::= typedefs typedef.

/* typedef ::= (type $id? subtype) */
typedef ::= LPAR_TYPE(L) id_opt(I) subtype(S) RPAR. { build_typedef(p, L, I, S); }

/* subtype ::= (sub final? typeidx* comptype) | comptype */
%type subtype {SubType *}
subtype(S) ::= comptype(C). { S = build_subtype(p, true, (Indices){0}, C); }
subtype(S) ::= LPAR_SUB final_opt(F) vars(X) comptype(C) RPAR. { S = build_subtype(p, F, X, C); }

%type final_opt {bool}
final_opt(F) ::= . { F = false; }
final_opt(F) ::= FINAL. { F = true; }

/* comptype ::= (struct field*) | (array fieldtype) | (func param* result*) | (cont typeidx) */
%type comptype {CompType *}
comptype(C) ::= LPAR_STRUCT fields(F) RPAR. { C = build_struct(p, F); }
comptype(C) ::= LPAR_ARRAY fieldtype(F) RPAR. { C = build_array(p, F); }
comptype(C) ::= LPAR_FUNC params(P) results_clauses(R) RPAR. { C = build_func(p, P, R); }
/* spec: text-cont-type */
comptype(C) ::= LPAR_CONT var(V) RPAR. { C = build_cont(p, V); }

/* field ::= (field $id? fieldtype) | (field fieldtype*) */
%type fields {FieldTypes}
fields(L) ::= . { L = build_fields_begin(p); }
fields(L) ::= fields(L1) LPAR_FIELD ID(I) fieldtype(F) RPAR. { L = build_field(p, L1, I, F); }
fields(L) ::= fields(L1) LPAR_FIELD fieldtypes(FS) RPAR. { L = L1; APPEND(p, L, FS); }

%type fieldtypes {FieldTypes}
fieldtypes(L) ::= . { L = (FieldTypes){0}; }
fieldtypes(L) ::= fieldtypes(L1) fieldtype(F). { L = L1; PUSH(p, L, F); }

/* fieldtype ::= storagetype | (mut storagetype) */
%type fieldtype {FieldType}
fieldtype(F) ::= storagetype(T). { F = (FieldType){T, false}; }
fieldtype(F) ::= LPAR_MUT storagetype(T) RPAR. { F = (FieldType){T, true}; }

%type storagetype {ValType}
storagetype(T) ::= valtype(V). { T = V; }
storagetype(T) ::= PACKTYPE(K). { T = valtype_num((ValKind)K.value); }

/* param ::= (param $id valtype) | (param valtype*) */
%type params {TypeUse *}
params(U) ::= . { U = build_typeuse_begin(p); }
params(U) ::= params(U1) LPAR_PARAM ID(I) valtype(T) RPAR. { U = build_param(p, U1, &I, T); }
params(U) ::= params(U1) LPAR_PARAM valtypes(L) RPAR. { U = build_params(p, U1, L); }

/* result ::= (result valtype*) */
%type results_clauses {ValTypes}
results_clauses(L) ::= . { L = (ValTypes){0}; }
results_clauses(L) ::= results_clauses(L1) LPAR_RESULT valtypes(L2) RPAR. { L = L1; APPEND(p, L, L2); }

/* typeuse ::= (type typeidx) param* result* | param* result* */
%type typeuse {TypeUse *}
typeuse(U) ::= LPAR_TYPE var(V) RPAR params(P) results_clauses(R). { U = build_typeuse(p, &V, P, R); }
typeuse(U) ::= params(P) results_clauses(R). { U = build_typeuse(p, NULL, P, R); }

/* limits ::= u64 u64? */
%type limits {Limits}
limits(L) ::= NAT(N). { L = (Limits){text_u64(p, N), 0, false}; }
limits(L) ::= NAT(N) NAT(M). { L = (Limits){text_u64(p, N), text_u64(p, M), true}; }

/* addrtype ::= i32 | i64, default i32 */
%type addrtype {AddrType}
addrtype(A) ::= . { A = ADDR_I32; }
addrtype(A) ::= NUMTYPE(T). { A = build_addrtype(p, T); }

%type memtype {MemType}
memtype(M) ::= addrtype(A) limits(L). { M = (MemType){A, L}; }

%type tabletype {TableType}
tabletype(T) ::= addrtype(A) limits(L) reftype(R). { T = (TableType){A, L, R}; }

%type globaltype {GlobalType}
globaltype(G) ::= valtype(T). { G = (GlobalType){T, false}; }
globaltype(G) ::= LPAR_MUT valtype(T) RPAR. { G = (GlobalType){T, true}; }

////////////////////////////////////////////////////////// Instructions ////

instrs ::= .
instrs ::= instrs instr.

/* instr ::= plaininstr | blockinstr | foldedinstr */
instr ::= plaininstr(I). { text_emit(p, I); }
instr ::= blockinstr.
instr ::= foldedinstr.

/* foldedinstr ::= (plaininstr instrs) | (block …) | (loop …) | (if …) | (try_table …) */
foldedinstr ::= LPAR plaininstr(I) instrs RPAR. { text_emit(p, I); }
foldedinstr ::= LPAR block_open instrs RPAR(E). { build_end(p, E, NULL); }
foldedinstr ::= LPAR try_open instrs RPAR(E). { build_end(p, E, NULL); }
foldedinstr ::= LPAR if_head foldedinstrs then_clause else_clause RPAR(E). { build_end(p, E, NULL); }

foldedinstrs ::= .
foldedinstrs ::= foldedinstrs foldedinstr.

then_clause ::= then_open instrs RPAR.
then_open ::= LPAR_THEN. { build_if_then(p); }
else_clause ::= .
else_clause ::= else_open instrs RPAR.
else_open ::= LPAR_ELSE(E). { build_else(p, E, NULL); }

/* blockinstr ::= block label blocktype instr* end id? | … */
blockinstr ::= block_open instrs END(E) end_id(I). { build_end(p, E, &I); }
blockinstr ::= try_open instrs END(E) end_id(I). { build_end(p, E, &I); }
blockinstr ::= if_open instrs else_part END(E) end_id(I). { build_end(p, E, &I); }

else_part ::= .
else_part ::= else_head instrs.
else_head ::= ELSE(E) end_id(I). { build_else(p, E, &I); }

%type end_id {Token}
end_id(I) ::= . { I = (Token){0}; }
end_id(I) ::= ID(T). { I = T; }

block_open ::= BLOCK(T) id_opt(L) blocktype(B). { build_block(p, T, L, B, NULL); }
try_open ::= TRY_TABLE(T) id_opt(L) blocktype(B) catches(C). { build_block(p, T, L, B, &C); }
if_open ::= IF(T) id_opt(L) blocktype(B). { build_block(p, T, L, B, NULL); }
if_head ::= IF(T) id_opt(L) blocktype(B). { build_if_head(p, T, L, B); }

%type blocktype {BlockType}
blocktype(B) ::= typeuse(U). { B = build_blocktype(p, U); }

/* catch ::= (catch x l) | (catch_ref x l) | (catch_all l) | (catch_all_ref l) */
%type catches {CatchList}
catches(L) ::= . { L = (CatchList){0}; }
catches(L) ::= catches(L1) LPAR_CATCH var(X) var(Y) RPAR. { L = build_catch(p, L1, CATCH, &X, Y); }
catches(L) ::= catches(L1) LPAR_CATCH_REF var(X) var(Y) RPAR. { L = build_catch(p, L1, CATCH_REF, &X, Y); }
catches(L) ::= catches(L1) LPAR_CATCH_ALL var(Y) RPAR. { L = build_catch(p, L1, CATCH_ALL, NULL, Y); }
catches(L) ::= catches(L1) LPAR_CATCH_ALL_REF var(Y) RPAR. { L = build_catch(p, L1, CATCH_ALL_REF, NULL, Y); }

/* plaininstr: one rule per immediate shape (syntax/instr.def) */
%type plaininstr {Instr}
plaininstr(I) ::= PLAIN(T). { I = build_instr(p, T); }
plaininstr(I) ::= IDX(T) var(X). { I = build_instr_idx(p, T, X); }
plaininstr(I) ::= IDX_OPT(T). { I = build_instr(p, T); }
plaininstr(I) ::= IDX_OPT(T) var(X). { I = build_instr_x(p, T, text_var(p, X)); }
plaininstr(I) ::= IDX2_OPT(T). { I = build_instr(p, T); }
plaininstr(I) ::= IDX2_OPT(T) var(X) var(Y). { I = build_instr_xy(p, T, text_var(p, X), text_var(p, Y)); }
plaininstr(I) ::= INIT(T) var(Y). { I = build_instr_xy(p, T, 0, text_var(p, Y)); }
plaininstr(I) ::= INIT(T) var(X) var(Y). { I = build_instr_xy(p, T, text_var(p, X), text_var(p, Y)); }
plaininstr(I) ::= IDX2(T) var(X) var(Y). { I = build_instr_idx2(p, T, X, Y); }
plaininstr(I) ::= TYPE_NUM(T) var(X) NAT(N). { I = build_instr_xy(p, T, text_var(p, X), text_u32(p, N)); }
plaininstr(I) ::= MEMARG(T) memarg(A). { I = build_memarg(p, T, 0, A, NULL); }
plaininstr(I) ::= MEMARG(T) var(X) memarg(A). { I = build_memarg(p, T, text_var(p, X), A, NULL); }
plaininstr(I) ::= MEMARG_LANE(T) NAT(L). { I = build_memarg(p, T, 0, (MemArgText){0}, &L); }
plaininstr(I) ::= MEMARG_LANE(T) memarg1(A) NAT(L). { I = build_memarg(p, T, 0, A, &L); }
plaininstr(I) ::= MEMARG_LANE(T) var(X) NAT(L). { I = build_memarg(p, T, text_var(p, X), (MemArgText){0}, &L); }
plaininstr(I) ::= MEMARG_LANE(T) var(X) memarg1(A) NAT(L). { I = build_memarg(p, T, text_var(p, X), A, &L); }
plaininstr(I) ::= SELECT(T). { I = build_instr(p, T); }
plaininstr(I) ::= SELECT(T) select_results(R). { I = build_select(p, T, R); }
plaininstr(I) ::= BR_TABLE(T) labels(L). { I = build_br_table(p, T, L); }
plaininstr(I) ::= BR_ON_CAST(T) var(L) reftype(R1) reftype(R2). { I = build_br_on_cast(p, T, L, R1, R2); }
plaininstr(I) ::= CALL_INDIRECT(T) typeuse(U). { I = build_call_indirect(p, T, 0, U); }
plaininstr(I) ::= CALL_INDIRECT(T) var(X) typeuse(U). { I = build_call_indirect(p, T, text_var(p, X), U); }
plaininstr(I) ::= HEAPTYPE(T) heaptype(H). { I = build_instr_ref(p, T, H); }
plaininstr(I) ::= REFTYPE(T) reftype(R). { I = build_instr_ref(p, T, R); }
plaininstr(I) ::= RESUME(T) var(X) handlers(H). { I = build_resume(p, T, X, NULL, H); }
plaininstr(I) ::= RESUME_THROW(T) var(X) var(Y) handlers(H). { I = build_resume(p, T, X, &Y, H); }
plaininstr(I) ::= CONST(T) num(N). { I = build_const(p, T, N); }
plaininstr(I) ::= V128_CONST(T) VECSHAPE(S) tokens(L). { I = build_v128_const(p, T, S, L); }
plaininstr(I) ::= SHUFFLE(T) tokens(L). { I = build_shuffle(p, T, L); }
plaininstr(I) ::= LANE(T) NAT(L). { I = build_lane(p, T, L); }

/* memarg ::= offset? align? */
%type memarg {MemArgText}
memarg(A) ::= . { A = (MemArgText){0}; }
memarg(A) ::= memarg1(A1). { A = A1; }

%type memarg1 {MemArgText}
memarg1(A) ::= OFFSET_EQ(O). { A = build_memarg_text(p, &O, NULL); }
memarg1(A) ::= ALIGN_EQ(N). { A = build_memarg_text(p, NULL, &N); }
memarg1(A) ::= OFFSET_EQ(O) ALIGN_EQ(N). { A = build_memarg_text(p, &O, &N); }

%type select_results {ValTypes}
select_results(L) ::= LPAR_RESULT valtypes(L1) RPAR. { L = L1; }
select_results(L) ::= select_results(L1) LPAR_RESULT valtypes(L2) RPAR. { L = L1; APPEND(p, L, L2); }

%type labels {Indices}
labels(L) ::= var(V). { L = (Indices){0}; PUSH(p, L, text_label(p, V)); }
labels(L) ::= labels(L1) var(V). { L = L1; PUSH(p, L, text_label(p, V)); }

/* hdl ::= (on tagidx labelidx) | (on tagidx switch) */
%type handlers {HandlerList}
handlers(L) ::= . { L = (HandlerList){0}; }
/* spec: text-on-label */
handlers(L) ::= handlers(L1) LPAR_ON var(X) var(Y) RPAR. { L = build_handler(p, L1, X, &Y); }
/* spec: text-on-switch */
handlers(L) ::= handlers(L1) LPAR_ON var(X) IDX2(S) RPAR. { L = build_handler_switch(p, L1, X, S); }

//////////////////////////////////////////////////////////// Module fields ////

/* Inline exports: (export name)* before a field's type. */
inline_exports ::= .
inline_exports ::= inline_exports LPAR_EXPORT(L) name(N) RPAR. { build_inline_export(p, L, N); }

inline_import ::= LPAR_IMPORT(L) name(A) name(B) RPAR. { build_inline_import(p, L, A, B); }

/* import ::= (import name name externtype) */
import ::= import_names externtype RPAR.
import_names ::= LPAR_IMPORT(L) name(A) name(B). { build_inline_import(p, L, A, B); }

/* externtype ::= (func $id? typeuse) | (table …) | (memory …) | (global …) | (tag …) */
externtype ::= LPAR_FUNC(L) id_opt(I) typeuse(U) RPAR. { build_field_head(p, EXTERN_FUNC, L, I); build_import_func(p, U); }
externtype ::= LPAR_TABLE(L) id_opt(I) tabletype(T) RPAR. { build_field_head(p, EXTERN_TABLE, L, I); build_import_table(p, T); }
externtype ::= LPAR_MEMORY(L) id_opt(I) memtype(M) RPAR. { build_field_head(p, EXTERN_MEM, L, I); build_import_mem(p, M); }
externtype ::= LPAR_GLOBAL(L) id_opt(I) globaltype(G) RPAR. { build_field_head(p, EXTERN_GLOBAL, L, I); build_import_global(p, G); }
externtype ::= LPAR_TAG(L) id_opt(I) typeuse(U) RPAR. { build_field_head(p, EXTERN_TAG, L, I); build_import_tag(p, U); }

/* The head of a definition: its identifier and index, for inline exports. */
func_head ::= LPAR_FUNC(L) id_opt(I). { build_field_head(p, EXTERN_FUNC, L, I); }
table_head ::= LPAR_TABLE(L) id_opt(I). { build_field_head(p, EXTERN_TABLE, L, I); }
mem_head ::= LPAR_MEMORY(L) id_opt(I). { build_field_head(p, EXTERN_MEM, L, I); }
global_head ::= LPAR_GLOBAL(L) id_opt(I). { build_field_head(p, EXTERN_GLOBAL, L, I); }
tag_head ::= LPAR_TAG(L) id_opt(I). { build_field_head(p, EXTERN_TAG, L, I); }

/* func ::= (func $id? typeuse local* expr), and its import abbreviation */
func ::= func_head inline_exports func_type locals instrs RPAR. { build_func_field(p); }
func ::= func_head inline_exports inline_import typeuse(U) RPAR. { build_import_func(p, U); }

func_type ::= typeuse(U). { build_func_type(p, U); }

/* local ::= (local $id valtype) | (local valtype*) */
locals ::= .
locals ::= locals LPAR_LOCAL ID(I) valtype(T) RPAR. { build_local(p, &I, T); }
locals ::= locals LPAR_LOCAL valtypes(L) RPAR. { build_locals(p, L); }

/* table ::= (table $id? tabletype expr?), (table $id? at? reftype (elem …)), import */
table ::= table_head inline_exports tabletype(T) instrs RPAR. { build_table_field(p, T); }
table ::= table_head inline_exports inline_import tabletype(T) RPAR. { build_import_table(p, T); }
table ::= table_head inline_exports addrtype(A) reftype(R) LPAR_ELEM(L) table_elems(E) RPAR RPAR. { build_table_elems(p, A, R, L, E); }

%type table_elems {Exprs}
table_elems(E) ::= vars(X). { E = build_funcref_items(p, X); }
table_elems(E) ::= elemexprs1(E1). { E = E1; }

/* mem ::= (memory $id? memtype), (memory $id? at? (data string*)), import */
mem ::= mem_head inline_exports memtype(M) RPAR. { build_mem_field(p, M); }
mem ::= mem_head inline_exports inline_import memtype(M) RPAR. { build_import_mem(p, M); }
mem ::= mem_head inline_exports addrtype(A) LPAR_DATA(L) strings(S) RPAR RPAR. { build_mem_data(p, A, L, S); }

/* global ::= (global $id? globaltype expr), import */
global ::= global_head inline_exports globaltype(G) instrs RPAR. { build_global_field(p, G); }
global ::= global_head inline_exports inline_import globaltype(G) RPAR. { build_import_global(p, G); }

/* tag ::= (tag $id? tagtype), import */
tag ::= tag_head inline_exports typeuse(U) RPAR. { build_tag_field(p, U); }
tag ::= tag_head inline_exports inline_import typeuse(U) RPAR. { build_import_tag(p, U); }

/* export ::= (export name externidx) */
export ::= LPAR_EXPORT(L) name(N) externidx(X) RPAR. { build_export(p, L, N, X); }

%type externidx {ExternIdx}
externidx(X) ::= LPAR_FUNC var(V) RPAR. { X = (ExternIdx){EXTERN_FUNC, text_var(p, V)}; }
externidx(X) ::= LPAR_TABLE var(V) RPAR. { X = (ExternIdx){EXTERN_TABLE, text_var(p, V)}; }
externidx(X) ::= LPAR_MEMORY var(V) RPAR. { X = (ExternIdx){EXTERN_MEM, text_var(p, V)}; }
externidx(X) ::= LPAR_GLOBAL var(V) RPAR. { X = (ExternIdx){EXTERN_GLOBAL, text_var(p, V)}; }
externidx(X) ::= LPAR_TAG var(V) RPAR. { X = (ExternIdx){EXTERN_TAG, text_var(p, V)}; }

/* start ::= (start funcidx) */
start_field ::= LPAR_START(L) var(V) RPAR. { build_start(p, L, V); }

/* elem ::= (elem $id? elemlist) | (elem $id? tableuse offset elemlist) | (elem $id? declare elemlist) */
elem ::= elem_head elemlist(E) RPAR. { build_elem(p, SEG_PASSIVE, 0, NULL, E); }
elem ::= elem_head DECLARE elemlist(E) RPAR. { build_elem(p, SEG_DECLARE, 0, NULL, E); }
elem ::= elem_head LPAR_TABLE var(X) RPAR offset(O) elemlist(E) RPAR. { build_elem(p, SEG_ACTIVE, text_var(p, X), &O, E); }
elem ::= elem_head offset(O) elemlist(E) RPAR. { build_elem(p, SEG_ACTIVE, 0, &O, E); }
elem ::= elem_head offset(O) vars(X) RPAR. { build_elem(p, SEG_ACTIVE, 0, &O, build_elemlist_funcs(p, X)); }

elem_head ::= LPAR_ELEM(L) id_opt(I). { build_segment_head(p, SPACE_ELEM, L, I); }

/* elemlist ::= reftype elemexpr* | func funcidx* */
%type elemlist {ElemList}
elemlist(E) ::= reftype(R) elemexprs(X). { E = (ElemList){R, X}; }
elemlist(E) ::= FUNC vars(X). { E = build_elemlist_funcs(p, X); }

%type elemexprs {Exprs}
elemexprs(L) ::= . { L = (Exprs){0}; }
elemexprs(L) ::= elemexprs(L1) elemexpr(E). { L = L1; PUSH(p, L, E); }

%type elemexprs1 {Exprs}
elemexprs1(L) ::= elemexpr(E). { L = (Exprs){0}; PUSH(p, L, E); }
elemexprs1(L) ::= elemexprs1(L1) elemexpr(E). { L = L1; PUSH(p, L, E); }

/* elemexpr ::= (item expr) | foldedinstr */
%type elemexpr {Expr}
elemexpr(E) ::= LPAR_ITEM instrs RPAR. { E = text_take_expr(p); }
elemexpr(E) ::= foldedinstr. { E = text_take_expr(p); }

/* offset ::= (offset expr) | foldedinstr */
%type offset {Expr}
offset(E) ::= LPAR_OFFSET instrs RPAR. { E = text_take_expr(p); }
offset(E) ::= foldedinstr. { E = text_take_expr(p); }

/* data ::= (data $id? string*) | (data $id? memuse offset string*) */
data ::= data_head strings(S) RPAR. { build_data(p, SEG_PASSIVE, 0, NULL, S); }
data ::= data_head LPAR_MEMORY var(X) RPAR offset(O) strings(S) RPAR. { build_data(p, SEG_ACTIVE, text_var(p, X), &O, S); }
data ::= data_head offset(O) strings(S) RPAR. { build_data(p, SEG_ACTIVE, 0, &O, S); }

data_head ::= LPAR_DATA(L) id_opt(I). { build_segment_head(p, SPACE_DATA, L, I); }
