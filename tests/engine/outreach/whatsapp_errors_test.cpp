#include "engine/outreach/whatsapp_errors.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace tafel::outreach {
namespace {

// One row per code of shared/spec/messaging.md's error table, with the HTTP status Meta uses.
struct Row {
  int code;
  int http_status;
  bool transient;
  int retry_after;
  bool throttle, needs_template, unusable, fall_back, alert, stop;
};

// clang-format off
const std::vector<Row> kTable = {
  //  code    http  trans  after thrott templ  unus   fallb  alert  stop
    {130429, 429, true,  0, true,  false, false, false, false, false},
    {4,      400, true,  0, true,  false, false, false, false, false},
    {80007,  400, true,  0, true,  false, false, false, false, false},
    {131056, 400, true,  6, false, false, false, false, false, false},
    {131000, 500, true,  0, false, false, false, false, false, false},
    {131057, 400, true,  0, false, false, false, false, false, false},
    {131047, 400, false, 0, false, true,  false, false, false, false},
    {131026, 400, false, 0, false, false, true,  true,  false, false},
    {131050, 400, false, 0, false, false, false, false, false, false},
    {132000, 400, false, 0, false, false, false, true,  true,  false},
    {132001, 404, false, 0, false, false, false, true,  true,  false},
    {132012, 400, false, 0, false, false, false, true,  true,  false},
    {132015, 400, false, 0, false, false, false, true,  true,  false},
    {132016, 400, false, 0, false, false, false, true,  true,  false},
    {0,      401, false, 0, false, false, false, false, true,  true},
    {190,    401, false, 0, false, false, false, false, true,  true},
    // Unknown codes: the HTTP status decides retry-or-not, nothing else is set.
    {999999, 500, true,  0, false, false, false, false, false, false},
    {999999, 503, true,  0, false, false, false, false, false, false},
    {999999, 400, false, 0, false, false, false, false, false, false},
    {100,    400, false, 0, false, false, false, false, false, false},
};
// clang-format on

TEST(WhatsAppErrors, EveryCodeOfTheTableMeansWhatTheSpecSays) {
  for (const Row& r : kTable) {
    SCOPED_TRACE(testing::Message() << "code " << r.code << " HTTP " << r.http_status);
    const auto m = whatsapp_error_meaning(r.code, r.http_status);
    EXPECT_EQ(m.transient, r.transient);
    EXPECT_EQ(m.retry_after_seconds, r.retry_after);
    EXPECT_EQ(m.throttle_channel, r.throttle);
    EXPECT_EQ(m.needs_template, r.needs_template);
    EXPECT_EQ(m.channel_unusable, r.unusable);
    EXPECT_EQ(m.fall_back, r.fall_back);
    EXPECT_EQ(m.alert_coordinator, r.alert);
    EXPECT_EQ(m.stop_channel, r.stop);
    EXPECT_FALSE(m.summary.empty());
  }
}

TEST(WhatsAppErrors, KnownCodesIgnoreTheHttpStatus) {
  // Act on the code: a throughput error is transient whatever status carries it, a template
  // error permanent even behind a 500.
  EXPECT_TRUE(whatsapp_error_meaning(130429, 400).transient);
  EXPECT_TRUE(whatsapp_error_meaning(131056, 200).transient);
  EXPECT_FALSE(whatsapp_error_meaning(132001, 500).transient);
  EXPECT_FALSE(whatsapp_error_meaning(190, 503).transient);
  EXPECT_TRUE(whatsapp_error_meaning(190, 503).stop_channel);
}

TEST(WhatsAppErrors, PairRateLimitWaitsAtLeastSixSeconds) {
  EXPECT_GE(whatsapp_error_meaning(131056, 400).retry_after_seconds, 6);
}

TEST(WhatsAppErrors, AnswersWithoutAnErrorBodyDependOnTheStatus) {
  EXPECT_TRUE(whatsapp_status_meaning(429).transient);
  EXPECT_TRUE(whatsapp_status_meaning(500).transient);
  EXPECT_TRUE(whatsapp_status_meaning(502).transient);
  EXPECT_TRUE(whatsapp_status_meaning(599).transient);
  EXPECT_FALSE(whatsapp_status_meaning(400).transient);
  EXPECT_FALSE(whatsapp_status_meaning(404).transient);
  EXPECT_FALSE(whatsapp_status_meaning(301).transient);
  EXPECT_FALSE(whatsapp_status_meaning(429).throttle_channel);
}

}  // namespace
}  // namespace tafel::outreach
