// Reason names (reasons.h): the one table of names.
#include "boilerhash/reasons.h"

namespace boilerhash {
namespace {
constexpr const char* kNames[kReasonCount] = {
    "pattern",        "short",           "no_terminal_punct", "low_stopwords",
    "repeated_in_doc", "frequent_in_corpus", "context",        "after_end_marker",
    "section_header", "in_teaser_block", "ellipsis",          "bullet",
    "pattern_dense",  "outside_main_block", "low_letters",    "title",
    "in_main_block",  "comment_signature", "announced_list",
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == kReasonCount);
}  // namespace

const char* ReasonName(uint32_t reason_bit) {
  if (reason_bit == 0 || (reason_bit & (reason_bit - 1)) != 0) return "unknown";
  const int bit = __builtin_ctz(reason_bit);
  return bit < kReasonCount ? kNames[bit] : "unknown";
}

std::string ReasonNames(uint32_t mask, char separator) {
  std::string out;
  for (int bit = 0; bit < 32; ++bit) {
    if (!(mask & (1u << bit))) continue;
    if (!out.empty()) out += separator;
    if (bit < kReasonCount) {
      out += kNames[bit];
    } else {
      out += "bit" + std::to_string(bit);
    }
  }
  return out;
}

}  // namespace boilerhash
