#include "adapters/importers/members/csv_reader.hpp"

#include "adapters/importers/members/text_encoding.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace tafel {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> fields(const CsvTable& t, std::size_t record) {
  return t.records.at(record).fields;
}

// csv-spectrum's files parse to the rows of their .json.
class CsvSpectrum : public ::testing::TestWithParam<const char*> {};

TEST_P(CsvSpectrum, ParsesAsItsJsonSays) {
  const std::string dir = std::string(TAFEL_SHARED_DIR) + "/samples/csv/";
  const auto text = decode_text(slurp(dir + "csvs/" + GetParam() + ".csv"));
  ASSERT_TRUE(text.has_value());
  const auto table = parse_csv(text->utf8);
  ASSERT_TRUE(table.has_value()) << table.error().message;
  const auto expected = nlohmann::json::parse(slurp(dir + "json/" + GetParam() + ".json"));
  ASSERT_EQ(table->records.size(), expected.size() + 1);
  const auto& header = table->records[0].fields;
  for (std::size_t r = 0; r < expected.size(); ++r) {
    const auto& row = table->records[r + 1].fields;
    ASSERT_EQ(row.size(), header.size());
    for (std::size_t c = 0; c < header.size(); ++c)
      EXPECT_EQ(row[c], expected[r][header[c]].get<std::string>()) << r << "," << c;
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, CsvSpectrum,
                         ::testing::Values("quotes_and_newlines", "escaped_quotes", "utf8",
                                           "newlines_crlf"));

TEST(CsvReader, RecordsKnowTheirPhysicalStartLine) {
  const auto t = parse_csv("a;b\r\n1;\"x\r\ny\"\r\n\r\n2;z\r\n");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->records.size(), 3u);  // the blank line is skipped
  EXPECT_EQ(t->records[1].line, 2u);
  EXPECT_EQ(fields(*t, 1)[1], "x\r\ny");
  EXPECT_EQ(t->records[2].line, 5u);
}

TEST(CsvReader, SepLineIsHonouredAndNotData) {
  const auto t = parse_csv("sep=,\nBedrijf;Naam,Plaats\nA;B,Ede\n");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->sep_line);
  EXPECT_EQ(t->delimiter, ',');
  EXPECT_EQ(fields(*t, 0), (std::vector<std::string>{"Bedrijf;Naam", "Plaats"}));
  EXPECT_EQ(t->records[0].line, 2u);
  EXPECT_EQ(t->records[1].line, 3u);
}

TEST(CsvReader, DetectsSemicolonCommaAndTab) {
  EXPECT_EQ(parse_csv("a;b;c\n1;2;3\n")->delimiter, ';');
  EXPECT_EQ(parse_csv("a,b\n1,2\n")->delimiter, ',');
  EXPECT_EQ(parse_csv("a\tb\tc\n1\t2\t3\n")->delimiter, '\t');
  EXPECT_EQ(detect_delimiter("\"Naam, voluit\";Bedrijf"), ';');  // quoted commas do not count
}

TEST(CsvReader, LoneCarriageReturnsEndRecords) {
  const auto t = parse_csv("a,b\r1,\"x\ry\"\r2,3");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->records.size(), 3u);
  EXPECT_EQ(fields(*t, 1)[1], "x\ry");
  EXPECT_EQ(t->records[2].line, 4u);
  EXPECT_EQ(fields(*t, 2), (std::vector<std::string>{"2", "3"}));
}

TEST(CsvReader, EmbeddedSeparatorsAndDoubledQuotes) {
  const auto t = parse_csv("a;b\n\"Noël; Zoon\";\"zei \"\"hoi\"\"\"\n");
  ASSERT_TRUE(t);
  EXPECT_EQ(fields(*t, 1), (std::vector<std::string>{"Noël; Zoon", "zei \"hoi\""}));
}

TEST(CsvReader, UnclosedQuoteNamesItsLine) {
  const auto t = parse_csv("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().line, 3u);
  EXPECT_EQ(t.error().column, 2u);
}

TEST(CsvReader, RowsOfOnlySeparatorsAreSkipped) {
  const auto t = parse_csv("a;b\n;;\n1;2\n");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->records.size(), 2u);
  EXPECT_EQ(t->records[1].line, 3u);
}

}  // namespace
}  // namespace tafel
