#pragma once
// What every user of GMime in the daemon shares: GMime initialised once per process (from any
// thread, before the first parse or build), and GObject references owned by unique_ptr.

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace tafel::email {

inline void ensure_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};

// Owns one reference to a GObject (GMimeStream, GMimeParser, GMimeMessage, ...).
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

}  // namespace tafel::email
