/* Instantiation (spec: 4.4-execution.modules, $instantiate). */
#ifndef INTERP_INSTANTIATE_H
#define INTERP_INSTANTIATE_H

#include "interp/store.h"
#include "util/buf.h"

/* Instantiates a valid module with one external value per import, in the
 * order of its imports.  Fails with PHASE_UNLINKABLE ("incompatible import
 * type") if an import does not match, or with the trap of a segment's
 * initialisation or of the start function; what those did to imported
 * tables and memories stays done.  `backtrace` receives a trap's
 * backtrace if not NULL. */
ModuleInst *instantiate(Store *s, const Module *m, const ExternVal *imports, Buf *backtrace,
                        Error *err);

/* $alloctypes: a module's rec groups interned in the store's type store,
 * one closed deftype per type index (what imports are typed by, before
 * instantiation); NULL with err set on failure. */
const DefType **instantiate_types(Store *s, const Module *m, Error *err);

#endif
