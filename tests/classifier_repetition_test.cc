// Repetition within a document: furniture printed twice is boilerplate, but
// the repeated prompts of a form (an interview's questions, each followed by
// a different answer) are content.
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

using Line = testing::ClassifiedLine;
using testing::ClassifyLines;

const char* const kAnswers[] = {
    "I started cooking when I moved away from home, because nobody else was going to feed me and "
    "the canteen closed at six.",
    "My grandmother taught me most of what I know, and she never once measured anything with a "
    "spoon or a cup in her life.",
    "Honestly it was an accident, since a friend posted one of my photos and people kept asking "
    "for the recipe behind it.",
};

TEST(ClassifierRepetition, InterviewQuestionsBeforeDistinctAnswersAreContent) {
  std::string doc;
  for (const char* answer : kAnswers) {
    doc += "What made you start your food page?\n\n";
    doc += std::string(answer) + "\n\n";
    doc += "Which dish do you cook most often at home?\n\n";
    doc += std::string("Pasta, and the reason is simple: ") + answer + "\n\n";
  }
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 12u);
  for (const Line& l : lines) {
    EXPECT_EQ(l.result.label, LineLabel::kContent) << l.text;
    EXPECT_FALSE(l.result.reasons & kReasonRepeatedInDoc) << l.text;
  }
}

// A teaser block printed twice: each copy of a blurb is followed by another
// repeated line, so nothing here is a form.
TEST(ClassifierRepetition, BlockPrintedTwiceIsBoilerplate) {
  const std::string block =
      "The mayor says the new bridge will open in spring after two years of delays.\n"
      "Storms closed three schools on the coast and cut power to thousands of homes.\n"
      "A local bakery has won the national prize for the second year in a row.\n";
  const std::string doc = std::string(kAnswers[0]) + "\n\n" + block + "\n" + kAnswers[1] + "\n\n" +
                          block + "\n" + kAnswers[2] + "\n";
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 9u);
  for (const Line& l : lines) {
    const bool repeated = block.find(l.text) != std::string::npos;
    EXPECT_EQ(bool(l.result.reasons & kReasonRepeatedInDoc), repeated) << l.text;
    if (repeated) EXPECT_EQ(l.result.label, LineLabel::kBoilerplate) << l.text;
  }
}

// Every copy must introduce an answer: a repeated sentence followed once by
// an answer and once by a headline that asks a question is no prompt.
TEST(ClassifierRepetition, RepeatedSentenceBeforeAQuestionStaysRepeated) {
  const std::string blurb = "A routine look at the stories readers sent in this week.";
  const std::string doc = blurb + "\n\n" + kAnswers[0] + "\n\n" + blurb + "\n\n" +
                          "Did the council really vote to close every library in the county?\n\n" +
                          kAnswers[1] + "\n";
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(lines[0].result.reasons & kReasonRepeatedInDoc);
  EXPECT_TRUE(lines[2].result.reasons & kReasonRepeatedInDoc);
  EXPECT_EQ(lines[2].result.label, LineLabel::kBoilerplate);
}

// Short furniture between paragraphs ("Advertisement") is no sentence: it
// stays repeated even though a distinct paragraph follows every copy.
TEST(ClassifierRepetition, ShortLabelBetweenParagraphsStaysRepeated) {
  std::string doc;
  for (const char* answer : kAnswers) doc += std::string(answer) + "\n\nAdvertisement\n\n";
  const auto lines = ClassifyLines(doc);
  ASSERT_EQ(lines.size(), 6u);
  for (size_t i = 1; i < lines.size(); i += 2) {
    EXPECT_EQ(lines[i].text, "Advertisement");
    EXPECT_TRUE(lines[i].result.reasons & kReasonRepeatedInDoc);
    EXPECT_EQ(lines[i].result.label, LineLabel::kBoilerplate);
  }
}

}  // namespace
}  // namespace boilerhash
