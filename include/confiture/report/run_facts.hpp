// Facts about this run that records and reports carry: the machine's host name and the time.
#pragma once

#include <string>

namespace confiture::report {

// This machine's host name; empty when the system cannot tell.
std::string host_name();

// The current time in UTC as ISO 8601 to the second: 2026-12-04T21:30:00Z.
std::string utc_now_iso();

}  // namespace confiture::report
