/* The main of every unit test: runs its Check suite and reports in TAP,
 * which the build's test driver reads. */
#ifndef TEST_UNIT_TAP_H
#define TEST_UNIT_TAP_H

#include <check.h>
#include <stdlib.h>

static inline int tap_run(Suite *suite)
{
  SRunner *sr = srunner_create(suite);
  srunner_set_tap(sr, "-");
  srunner_run_all(sr, CK_SILENT);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
