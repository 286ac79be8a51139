/* boilerhash C API: opaque handles, status codes, caller-owned buffers.
 * Nothing is printed and no exception crosses this boundary. Strings are
 * UTF-8 with explicit lengths (NUL bytes allowed); invalid UTF-8 is repaired. */
#ifndef BOILERHASH_BOILERHASH_H_
#define BOILERHASH_BOILERHASH_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bh_status {
  BH_OK = 0,
  BH_INVALID_ARGUMENT = 1,
  BH_BUFFER_TOO_SMALL = 2,
  BH_OUT_OF_MEMORY = 3,
  BH_PARSE_ERROR = 4,
  BH_INTERNAL_ERROR = 5
} bh_status;

const char* bh_version(void);
uint32_t bh_signature_format_version(void);
const char* bh_status_string(bh_status status);
/* Name of the SIMD target the kernels run on ("AVX2", ...); static storage. */
const char* bh_active_target(void);
/* Frees the calling thread's scratch buffers, which keep the size of the
   largest document the thread met (thread_buffers.h). A call that returns
   BH_OUT_OF_MEMORY has freed them already. */
void bh_release_thread_buffers(void);

/* ---- signing ----------------------------------------------------------- */
typedef struct bh_sign_options {
  uint32_t k;            /* MinHash permutations (default 128) */
  uint64_t seed;         /* MinHash seed (default 1) */
  uint32_t ngram;        /* shingle size (default 5) */
  int char_ngrams;       /* 0: word n-grams, 1: character n-grams */
  int fold_digits;       /* normalization: digits -> 0 */
  int strip_accents;     /* normalization: remove marks */
} bh_sign_options;

/* Fills *options with the defaults. */
void bh_sign_options_init(bh_sign_options* options);

typedef struct bh_signer bh_signer;
/* options may be NULL for the defaults. */
bh_status bh_signer_new(const bh_sign_options* options, bh_signer** out);
void bh_signer_free(bh_signer* signer);
uint32_t bh_signer_k(const bh_signer* signer);

/* Writes k values to out (out_len must be >= k). */
bh_status bh_signer_minhash(const bh_signer* signer, const char* text, size_t len,
                            uint32_t* out, size_t out_len);
/* Signs n texts in one call: out (out_len >= n * k) gets the signatures end
 * to end. For bindings, where one call per document costs more than the
 * signing of a short one. NULL texts are allowed when their length is 0. */
bh_status bh_signer_minhash_batch(const bh_signer* signer, const char* const* texts,
                                  const size_t* lens, size_t n, uint32_t* out, size_t out_len);
bh_status bh_signer_simhash(const bh_signer* signer, const char* text, size_t len,
                            uint64_t* out);

/* Normalized text into out (not NUL-terminated); *out_len gets the length
 * needed. BH_BUFFER_TOO_SMALL when out_cap < *out_len. */
bh_status bh_normalize(const char* text, size_t len, int fold_digits, int strip_accents,
                       char* out, size_t out_cap, size_t* out_len);

double bh_estimate_jaccard(const uint32_t* a, const uint32_t* b, size_t k);
int bh_hamming_distance(uint64_t a, uint64_t b);

/* ---- LSH --------------------------------------------------------------- */
typedef struct bh_lsh bh_lsh;
/* bands = rows = 0 chooses them for threshold, recall first (lsh.h:
 * RecallFirstLshParams; 16 x 8 at k = 128, t = 0.8): verify the candidates. */
bh_status bh_lsh_new(double threshold, uint32_t k, uint32_t bands, uint32_t rows, bh_lsh** out);
void bh_lsh_free(bh_lsh* lsh);
bh_status bh_lsh_insert(bh_lsh* lsh, uint32_t doc, const uint32_t* signature, size_t k);
/* Candidates into out, sorted; *count gets how many there are (even when
 * that exceeds cap, with BH_BUFFER_TOO_SMALL). */
bh_status bh_lsh_query(const bh_lsh* lsh, const uint32_t* signature, size_t k, uint32_t* out,
                       size_t cap, size_t* count);

/* Clusters n signatures of k values laid end to end; representatives[i]
 * gets the lowest document index of i's cluster. */
bh_status bh_cluster_minhash(const uint32_t* signatures, size_t n, size_t k, double threshold,
                             uint32_t* representatives);

/* Every near-duplicate pair among n signatures of k values laid end to end,
 * in one call (near_pairs.h): the pairs (a, b), a < b, that share an LSH
 * bucket (bands chosen for threshold, as bh_lsh_new(threshold, k, 0, 0))
 * and whose bh_estimate_jaccard reaches threshold; empty signatures pair
 * with nothing. Sorted by (a, b) and written to pairs as a0, b0, a1, b1, ...
 * (2 * cap values of room). *count gets the number of pairs even when it
 * exceeds cap, with BH_BUFFER_TOO_SMALL. */
bh_status bh_minhash_pairs(const uint32_t* signatures, size_t n, size_t k, double threshold, uint32_t* pairs,
                           size_t cap, size_t* count);
/* Every pair among n SimHash fingerprints within Hamming distance
 * max_distance (0 to 4), exactly; sorted and written as bh_minhash_pairs.
 * Empty texts all have fingerprint 0, so they pair with each other. */
bh_status bh_simhash_pairs(const uint64_t* fingerprints, size_t n, int max_distance, uint32_t* pairs,
                           size_t cap, size_t* count);

/* ---- boilerplate classifier (issue 3; classifier.h, docs/CLASSIFIER.md) --- */
typedef struct bh_model bh_model;

/* Line labels written by bh_classify. */
enum { BH_LABEL_CONTENT = 0, BH_LABEL_BOILERPLATE = 1, BH_LABEL_BLANK = 2 };

/* The default model (the English patterns embedded in the library). */
bh_status bh_model_default(bh_model** out);
/* A model from a pattern file's text (docs/PATTERNS.md). On a bad file the
 * status is BH_PARSE_ERROR and, when error is not NULL, a NUL-terminated
 * message naming the line is written into error (truncated to error_cap). */
bh_status bh_model_from_patterns(const char* patterns, size_t len, char* error, size_t error_cap,
                                 bh_model** out);
void bh_model_free(bh_model* model);

/* Classifies every line of text ('\n' separated). labels[i] gets a BH_LABEL_*
 * value and, when reasons is not NULL, reasons[i] the reason bitmask
 * (bh_reason_name). *n_lines gets the number of lines even when it exceeds
 * cap (then BH_BUFFER_TOO_SMALL and nothing is written). A single line of
 * 4 GiB or more is labelled content, unclassified (classifier.h). Thread-safe. */
bh_status bh_classify(const bh_model* model, const char* text, size_t len, uint8_t* labels,
                      uint32_t* reasons, size_t cap, size_t* n_lines);
/* The content lines joined with '\n' into out (not NUL-terminated); *out_len
 * gets the length needed; BH_BUFFER_TOO_SMALL when out_cap < *out_len. */
bh_status bh_clean(const bh_model* model, const char* text, size_t len, char* out, size_t out_cap,
                   size_t* out_len);
/* The explain view: per line "number\tlabel\treasons\ttext\n" (reasons are
 * names joined by ',', or '-'), sized like bh_clean. */
bh_status bh_explain(const bh_model* model, const char* text, size_t len, char* out, size_t out_cap,
                     size_t* out_len);
/* Name of one reason bit ("pattern", "short", ...); "unknown" otherwise. */
const char* bh_reason_name(uint32_t reason_bit);

#ifdef __cplusplus
}
#endif
#endif /* BOILERHASH_BOILERHASH_H_ */
