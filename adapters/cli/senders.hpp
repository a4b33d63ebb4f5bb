#pragma once
// The senders every sending command uses (`dispatch --once`, `serve`'s dispatch loop), chosen in
// one place: email per adapters/outbox/sender_selection.hpp (SMTP or the outbox folder),
// WhatsApp through the Cloud API when adapters/whatsapp's setup finds a phone-number id and a
// token, else the outbox folder. Problems exit the command (CommandExit).

#include "adapters/config/config.hpp"
#include "adapters/outbox/sender_selection.hpp"

namespace tafel {

struct ChosenSenders {
  outbox::SenderChoice choice;
  std::string note;  // Dutch, for the operator (e.g. why WhatsApp goes to the folder); or ""
};

ChosenSenders choose_senders_or_exit(const Config& cfg);

}  // namespace tafel
