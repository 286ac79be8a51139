/* A C consumer of the installed library: signs two texts, compares them. */
#include <boilerhash/boilerhash.h>

#include <stdio.h>
#include <string.h>

int main(void) {
  const char* a = "The quick brown fox jumps over the lazy dog by the river.";
  const char* b = "the QUICK brown fox jumps over the lazy dog, by the river";
  bh_signer* signer = NULL;
  uint32_t sa[128], sb[128];
  if (bh_signer_new(NULL, &signer) != BH_OK) return 1;
  if (bh_signer_minhash(signer, a, strlen(a), sa, 128) != BH_OK ||
      bh_signer_minhash(signer, b, strlen(b), sb, 128) != BH_OK) {
    bh_signer_free(signer);
    return 1;
  }
  double j = bh_estimate_jaccard(sa, sb, 128);
  printf("boilerhash %s (format v%u, %s): jaccard=%.3f\n", bh_version(),
         bh_signature_format_version(), bh_active_target(), j);
  bh_signer_free(signer);
  return j == 1.0 ? 0 : 1; /* same text after normalization */
}
