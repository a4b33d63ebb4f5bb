#include "adapters/cli/senders.hpp"

#include "adapters/cli/commands.hpp"
#include "adapters/outbox/folder_sender.hpp"
#include "adapters/whatsapp/sender_setup.hpp"

#include <chrono>

namespace tafel {

namespace {

std::int64_t now_utc() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The Cloud API sender with the folder it hands rows without a phone-number id to.
class CloudApiWithFolder : public outbox::ChannelSender {
 public:
  explicit CloudApiWithFolder(const Config& cfg) : folder_(cfg.messaging.outbox_dir, now_utc) {
    auto setup = whatsapp::whatsapp_setup(cfg.messaging, folder_);
    if (setup) setup_ = std::move(*setup);
  }
  outbox::SendOutcome send(const OutboxRow& row) override {
    if (!setup_.sender) return folder_.send(row);
    return setup_.sender->send(row);
  }

 private:
  outbox::FolderSender folder_;
  whatsapp::WhatsAppSetup setup_;
};

}  // namespace

ChosenSenders choose_senders_or_exit(const Config& cfg) {
  auto choice = outbox::choose_senders(cfg, now_utc);
  if (!choice) throw CommandExit{kExitFailure, choice.error()};
  ChosenSenders out{std::move(*choice), ""};
  outbox::FolderSender probe_folder(cfg.messaging.outbox_dir, now_utc);
  auto probe = whatsapp::whatsapp_setup(cfg.messaging, probe_folder);
  if (!probe) throw CommandExit{kExitFailure, "WhatsApp niet bruikbaar: " + probe.error()};
  out.note = probe->note;
  if (probe->sender) {
    out.choice.whatsapp = {[&cfg] { return std::make_unique<CloudApiWithFolder>(cfg); }, 4};
    out.choice.whatsapp_to_folder = false;
  }
  return out;
}

}  // namespace tafel
