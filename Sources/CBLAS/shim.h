// OpenBLAS's CBLAS interface plus its thread-count controls.
#include <cblas.h>

// Exported by OpenBLAS but not declared in cblas.h (BLASThreads.sleepWhenIdle uses them):
// re-read the OPENBLAS_* environment variables; stop the worker threads (the next threaded call starts them again).
void openblas_read_env(void);
int blas_thread_shutdown_(void);
