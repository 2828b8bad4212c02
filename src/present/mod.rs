//! The presentation layer: numbers and ids of the core put into words in
//! the reader's language. Each module holds the texts of one part of the
//! page, Chinese and English side by side.

pub mod audit;
pub mod decomposition;
pub mod explorer;
pub mod figures;
pub mod services;
pub mod source;
pub mod state;
pub mod tracker;
pub mod upload;
