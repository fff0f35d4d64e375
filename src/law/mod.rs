//! The law: the rules table and everything computed from it (tax reduction, limits,
//! calendar, the collective's plan). Pure: no clock, no I/O, no web.
