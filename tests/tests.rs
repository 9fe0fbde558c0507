//! The integration tests: each runs the real `pmi-desk` executable on a temporary database.

mod pdf;
mod util;

mod story;
mod test_audit_chain;
mod test_bulk;
mod test_cases;
mod test_config;
mod test_demo;
mod test_destructive;
mod test_docs;
mod test_documents;
mod test_exchange;
mod test_exit_codes;
mod test_help;
mod test_kill;
mod test_letter;
mod test_letter_documents;
mod test_letter_pdf;
mod test_log;
mod test_properties;
mod test_query;
mod test_races;
mod test_recommend;
mod test_register;
mod test_relay;
mod test_repatriation;
mod test_report;
mod test_stages;
mod test_tables;
mod test_terminal;
mod test_text;
mod test_trust;
mod test_untrusted;
mod test_workbook;
mod test_worker;
