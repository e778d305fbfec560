#pragma once
// Process-level settings that must be in place before libgomp and OpenBLAS start.

namespace medlora::runtime {

// libgomp reads OMP_WAIT_POLICY when it is loaded, before main(). On 2 cores, OpenBLAS's
// threads and torch's OpenMP pool spin against each other unless idle OpenMP threads sleep
// (docs/architecture.md: a float32 LoRA step ran 2.6x faster with PASSIVE). If the variable is unset,
// set it and re-execute this program once so that it takes effect. MEDLORA_NO_REEXEC=1 skips.
void ensure_openmp_environment(int argc, char** argv);

// glibc returns large blocks (logits, activations: tens of MB) to the OS after every step and
// faults them in again on the next; measured ~19 % of a training step in page faults. Keeping
// them mapped made a LoRA step ~1.4x faster. Call once at the start of main().
void configure_allocator();

}  // namespace medlora::runtime
