// What a column type change does to the values already stored: keeps every one, fails on a
// value that does not fit, or may change or drop some (rounding, truncating, dropping a time of
// day or a time zone). The differ never lets a value change silently: the last kind carries
// DELETES_DATA, which the hazard gate refuses unless it is allowed.
#pragma once

#include <optional>
#include <string>

#include "confiture/catalog/catalog.hpp"

namespace confiture::diff {

enum class Conversion {
  kLossless,       // every old value converts, unchanged
  kFailsOnMisfit,  // a value that does not fit raises an error and the statement fails
  kLossy,          // some values may come out different (rounded, cut, ...) without an error
};

struct ConversionVerdict {
  Conversion kind = Conversion::kLossy;
  std::string why{};  // for the hazard: what fails or what is lost, naming `object`
  // A varchar(n) target: values longer than n must be refused by a check before the ALTER,
  // since the assignment coercion would drop trailing spaces beyond n without an error.
  std::optional<int> guard_length{};
};

// How converting `from` to `to` (the same column, `object` = "column public.t.c") treats the
// values, given that the ALTER ... TYPE casts through `cast_target(to)` (no length, precision
// or scale) and lets PostgreSQL's assignment coercion apply the new type's own limits.
ConversionVerdict classify_conversion(const catalog::Column& from, const catalog::Column& to,
                                      const std::string& object);

// The type to write in `USING col::<this>`: `to`'s type without its length, precision or scale
// (an explicit cast to varchar(5) or numeric(5,1) truncates or rounds; the assignment coercion
// that ALTER ... TYPE applies to the USING result fails instead, or rounds only where the
// verdict says so). `character(n)` casts through bpchar and `bit(n)` through bit varying, since
// plain `character` and `bit` mean length 1.
std::string cast_target(const std::string& type);

}  // namespace confiture::diff
