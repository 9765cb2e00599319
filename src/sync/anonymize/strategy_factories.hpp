// One factory per strategy file. make_anonymizer (strategies.cpp) has already checked the
// strategy name, the option keys, the column's type and the key; a factory reads its options'
// values and builds the anonymizer.
#pragma once

#include <memory>

#include "sync/anonymize/strategy_args.hpp"

namespace confiture::sync::anonymize {

std::unique_ptr<Anonymizer> make_email(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_phone(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_person_name(
    const StrategyArgs& args);  // name, first_name, last_name
std::unique_ptr<Anonymizer> make_address(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_credit_card(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_ip_address(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_date_shift(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_hash(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_text_redact(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_redact(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_fixed(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_null_value(const StrategyArgs& args);
std::unique_ptr<Anonymizer> make_preserve(const StrategyArgs& args);

}  // namespace confiture::sync::anonymize
