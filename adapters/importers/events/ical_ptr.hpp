#pragma once
// Owning handles for libical objects.

#include <libical/ical.h>

#include <memory>

namespace tafel {

struct IcalComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
struct IcalRecurIteratorFree {
  void operator()(icalrecur_iterator* i) const { icalrecur_iterator_free(i); }
};

// Owns a top-level component and, with it, the VTIMEZONEs it defines.
using IcalComponentPtr = std::unique_ptr<icalcomponent, IcalComponentFree>;
using IcalRecurIteratorPtr = std::unique_ptr<icalrecur_iterator, IcalRecurIteratorFree>;

}  // namespace tafel
