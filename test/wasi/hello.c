/* A C program built for wasm32-wasi with wasi-libc (test/wasi/c.sh
 * compiles it with clang at test time, if clang can): what printf, argv,
 * getenv, the clock, random numbers, malloc, stderr and exit come to
 * under wasmfx-ref's WASI host. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
  printf("hello from C: %d arguments\n", argc);
  for (int i = 0; i < argc; i++)
    printf("argv[%d] = \"%s\"\n", i, argv[i]);
  const char *who = getenv("WHO");
  printf("WHO is %s\n", who ? who : "not set");
  printf("time %lld\n", (long long)time(NULL));
  printf("random %08x\n", (unsigned)arc4random());
  char *big = malloc(1 << 20);
  if (!big)
    return 1;
  memset(big, 'x', 1 << 20);
  printf("malloc'd %d bytes: %c\n", 1 << 20, big[(1 << 20) - 1]);
  free(big);
  fprintf(stderr, "a line on stderr\n");
  if (argc > 2 && strcmp(argv[1], "exit") == 0)
    exit(atoi(argv[2]));
  if (argc > 1 && strcmp(argv[1], "trap") == 0)
    __builtin_trap();
  return 0;
}
