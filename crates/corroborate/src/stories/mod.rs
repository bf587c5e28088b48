//! Stories: group a stream of articles into events, online, with persistent state.
