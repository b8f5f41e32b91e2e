// OpenBLAS's CBLAS interface plus its thread-count controls.
#include <cblas.h>
