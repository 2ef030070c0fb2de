#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's own entry (compiler-rt FuzzerDriver.cpp). SwiftPM gives each executable target
// its own `main` symbol, so libFuzzer's main is never linked: each target's @main calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
