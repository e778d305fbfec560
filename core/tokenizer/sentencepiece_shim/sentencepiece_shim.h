#pragma once
// Narrow C ABI over sentencepiece. This library is the only code that links
// libsentencepiece (its bundled protobuf clashes with libtorch's); medlora_core dlopens it
// with RTLD_LOCAL | RTLD_DEEPBIND and calls these functions through pointers.
//
// Conventions: functions return 0 on success and non-zero on failure; on failure the
// message is available from medlora_spm_last_error() (thread-local). Buffers handed out by
// the library are released with medlora_spm_free.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MEDLORA_SPM_ABI_VERSION 2

typedef struct medlora_spm_processor medlora_spm_processor;

int medlora_spm_abi_version(void);
const char* medlora_spm_last_error(void);

// Loads a serialized model (tokenizer.model) from memory.
medlora_spm_processor* medlora_spm_load(const char* model_bytes, size_t size);
void medlora_spm_destroy(medlora_spm_processor* processor);

int medlora_spm_vocab_size(const medlora_spm_processor* processor);
int medlora_spm_bos_id(const medlora_spm_processor* processor);
int medlora_spm_eos_id(const medlora_spm_processor* processor);
int medlora_spm_pad_id(const medlora_spm_processor* processor);
int medlora_spm_unk_id(const medlora_spm_processor* processor);
// 1 for BPE, 2 for unigram, 3 for word, 4 for char (sentencepiece's ModelType + 0).
int medlora_spm_model_type(const medlora_spm_processor* processor);
int medlora_spm_byte_fallback(const medlora_spm_processor* processor);
// 1 when the id is a control/unknown/unused piece that decoding drops.
int medlora_spm_is_special(const medlora_spm_processor* processor, int id);
int medlora_spm_is_byte(const medlora_spm_processor* processor, int id);
// Returns the piece's UTF-8 text in a buffer the caller frees with medlora_spm_free.
char* medlora_spm_id_to_piece(const medlora_spm_processor* processor, int id, size_t* length);
int medlora_spm_piece_to_id(const medlora_spm_processor* processor, const char* piece, size_t length);
float medlora_spm_score(const medlora_spm_processor* processor, int id);

// Encodes text to ids (no BOS/EOS). *ids is allocated by the library.
int medlora_spm_encode(const medlora_spm_processor* processor, const char* text, size_t length,
                       int** ids, size_t* count);
// Decodes ids to UTF-8 text. *text is allocated by the library.
int medlora_spm_decode(const medlora_spm_processor* processor, const int* ids, size_t count,
                       char** text, size_t* length);

// Trains a model with sentencepiece's trainer; `args` uses the trainer's flag syntax
// ("--input=... --model_prefix=... --vocab_size=..."). Returns 0 on success.
int medlora_spm_train(const char* args);

// Trains a model from option pairs (sentencepiece trainer flag names without "--") and
// input files read line by line here, so file names may hold spaces or commas. The
// serialized model is returned in *model (freed with medlora_spm_free); nothing is
// written to disk. The random generator is seeded with a fixed value first so that
// training is reproducible. Returns 0 on success.
int medlora_spm_train_from_files(const char* const* option_names, const char* const* option_values,
                                 size_t option_count, const char* const* input_files, size_t input_count,
                                 char** model, size_t* model_size);

void medlora_spm_free(void* buffer);

#ifdef __cplusplus
}
#endif
