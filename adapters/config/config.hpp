#pragma once
// The daemon's configuration as read from its TOML file (see config/example.toml, which documents
// every key). Loading validates everything: unknown keys and wrong types are errors naming the key
// and its line.

#include "adapters/config/messaging_config.hpp"

#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tafel {

struct NetworkConfig {
  std::string name;          // unique; members and events belong to a network
  std::string sender_name;   // the name invitations are sent in ("Namens ...")
  std::string sender_email;  // From address for mail in this network's name
  // The network's calendar as an http(s) feed, refreshed by the daemon every
  // calendar_refresh_minutes (adapters/feeds); empty: none.
  std::string calendar_url;
  int calendar_refresh_minutes = 60;
};

struct SectorConfig {
  std::string name;                   // canonical: bouw, installatie, ...
  std::string label;                  // shown to people ("Bouw")
  std::vector<std::string> synonyms;  // matched like header names
};

struct EligibilityConfig {
  double min_employees = 2;   // inclusive
  double max_employees = 25;  // inclusive
  bool exclude_hr_staff = true;
};

struct RoomConfig {
  std::string name;
  int capacity = 12;
};

struct VenueConfig {
  std::string id;
  std::string name;
  std::string address;
  std::string region;  // holiday region (noord, midden, zuid), or ""
  double lat = 0;
  double lon = 0;
  std::vector<std::string> aliases;  // other spellings in calendar LOCATION fields
  std::vector<RoomConfig> rooms;
};

// Candidate-slot and group rules (see [planning] in config/example.toml).
struct SlotWindowConfig {
  std::vector<int> weekdays;  // ISO 1..7
  int start_minute = 0;
  int end_minute = 0;
  std::vector<std::string> venues;  // empty: every venue
};

struct PlanningConfig {
  int buffer_min = 15;
  int duration_min = 60;
  int duration_max = 90;
  int duration_step = 15;
  int start_step_min = 15;
  int morning_end = 8 * 60 + 30;
  int evening_start = 16 * 60;
  int earliest_start = 6 * 60 + 30;
  int latest_end = 22 * 60;
  int min_group = 8;
  int max_group = 12;
  double max_travel_km = 40;
  int staff_gap_min = 30;
  std::vector<SlotWindowConfig> windows;
};

// A period without sessions: school holidays, the construction holiday (bouwvak), per region.
struct ClosedPeriodConfig {
  std::string name;
  std::string from;                  // YYYY-MM-DD inclusive
  std::string to;                    // YYYY-MM-DD inclusive
  std::vector<std::string> regions;  // empty: everywhere
};

// A sector's busy season: its members are not asked to sessions then.
struct BusySeasonConfig {
  std::string name;
  std::string sector;
  std::string from;
  std::string to;
};

struct PlaceConfig {
  std::string postcode;  // 4-digit postcode area ("6711"), or empty
  std::string town;      // town name, or empty
  double lat = 0;
  double lon = 0;
};

struct WeeklyWindow {
  int weekday = 1;       // ISO: 1 = Monday .. 7 = Sunday
  int start_minute = 0;  // minutes after local midnight
  int end_minute = 0;
};

struct AvailabilityException {
  std::string from;  // YYYY-MM-DD inclusive
  std::string to;    // YYYY-MM-DD inclusive
  bool available = false;
  std::string note;
};

struct StaffConfig {
  std::string id;
  std::string name;
  std::string role;  // "facilitator" or "expert"
  std::string email;
  std::string phone;
  std::vector<WeeklyWindow> availability;
  std::vector<AvailabilityException> exceptions;
};

// How long personal data that is no longer needed is kept (`[retention]`); a daily job in the
// daemon and `tafelplanner retention run` apply it (adapters/store/retention.hpp).
struct RetentionConfig {
  int raw_days = 30;               // webhook bodies, inbound message copies, sent message texts
  int missing_member_months = 12;  // members the partner's list dropped, without future sessions
};

struct Config {
  std::filesystem::path source;     // the file this was read from
  std::filesystem::path database;   // SQLite file
  std::filesystem::path state_dir;  // keys and the local outbox; default: database's directory
  std::string public_url;           // base URL users reach the daemon at, no trailing slash
  std::string timezone = "Europe/Amsterdam";
  int horizon_days = 92;  // default look-ahead for events and planning
  std::string listen = "127.0.0.1:8080";
  std::vector<NetworkConfig> networks;
  std::vector<SectorConfig> sectors;
  EligibilityConfig eligibility;
  std::map<std::string, std::vector<std::string>> extra_headers;  // field -> more header names
  std::vector<VenueConfig> venues;
  PlanningConfig planning;
  std::vector<ClosedPeriodConfig> closed_periods;
  std::vector<BusySeasonConfig> busy_seasons;
  std::vector<PlaceConfig> places;
  std::vector<StaffConfig> staff;
  MessagingConfig messaging;
  RetentionConfig retention;
};

struct ConfigError {
  std::string key;  // dotted path, e.g. "venues[2].rooms[0].capacity"
  int line = 0;     // 1-based; 0 when unknown
  int column = 0;
  std::string message;
};

// Reads and validates a configuration file. All problems are returned at once.
std::expected<Config, std::vector<ConfigError>> load_config(const std::filesystem::path& file);
// Same, from text (for tests); `source` names the file in messages.
std::expected<Config, std::vector<ConfigError>> parse_config(std::string_view text,
                                                             const std::filesystem::path& source);

// `FILE:LINE:COLUMN: key: message`
std::string format_config_error(const std::filesystem::path& file, const ConfigError& e);

// The file to read: `--config` if given, else $TAFELPLANNER_CONFIG, else the system default.
std::filesystem::path resolve_config_path(const std::optional<std::string>& flag);

}  // namespace tafel
