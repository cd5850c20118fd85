// -----------------------------------------------------------------------------
// File: kreditor/config.hpp
// -----------------------------------------------------------------------------
//
// Feature macros and the generated version header (KREDITOR_VERSION,
// KREDITOR_NAMESPACE_BEGIN/END). Every public header includes this first.
#ifndef KREDITOR_CONFIG_HPP
#define KREDITOR_CONFIG_HPP

#include "kreditor/version.hpp"

/// \namespace kreditor
/// Credit risk and dunning for invoicing and accounting software: money, terms, interest, fees,
/// the dunning engine, exposure and scoring. Declarations live in the inline namespace
/// kreditor::v<major> (KREDITOR_NAMESPACE_BEGIN), which users never write.

/// \namespace kreditor::dunning
/// Reminders, notices and collection: policies, their legal check, the per-invoice state machine
/// and the engine that says what to do next (it does no I/O itself).

/// \namespace kreditor::scoring
/// Credit scoring: financial statements, ratios, scorecards, logistic models and their
/// evaluation, and the recommendation that combines them with payment behaviour.

#endif  // KREDITOR_CONFIG_HPP
