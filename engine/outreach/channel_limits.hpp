#pragma once
// Channel limits from the WhatsApp Cloud API documentation (shared/spec/messaging.md), and the
// answer labels every invitation offers.

#include <array>
#include <cstddef>
#include <string_view>

namespace tafel::outreach {

inline constexpr std::size_t kWhatsAppTemplateBodyMax = 1024;  // characters
inline constexpr std::size_t kWhatsAppTextMax = 4096;
inline constexpr std::size_t kQuickReplyLabelMax = 25;
inline constexpr std::size_t kButtonTitleMax = 20;
inline constexpr std::size_t kButtonsMax = 3;

// Quick-reply labels of the invitation template, in button order; also the titles of the
// interactive buttons inside the 24-hour window.
inline constexpr std::array<std::string_view, 3> kAnswerLabels = {"Ik kom", "Kan niet",
                                                                  "Misschien"};

// Length in characters (Unicode code points) of UTF-8 text, as the API counts it.
std::size_t utf8_length(std::string_view text);

}  // namespace tafel::outreach
