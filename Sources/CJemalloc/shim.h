// jemalloc replaces the C library's malloc in the lendline executable (see docs/servicing.md,
// day end). Only mallctl is declared: jemalloc.h would redeclare malloc and free.
#include <stddef.h>
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
