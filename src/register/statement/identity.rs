//! Which entries are the same across imports, and merging a statement into what the
//! register already holds.
//!
//! # How an entry is identified
//!
//! An [`EntryId`] is written from what the bank itself says of the movement, never
//! from where it sits in a file:
//!
//! 1. the account (its IBAN, or the account number the file gives);
//! 2. the booking date;
//! 3. the signed amount in cents;
//! 4. the bank's reference for the entry (CAMT's `AcctSvcrRef` or `NtryRef`, OFX's
//!    `FITID`, a CSV reference column) when there is one, else a hash (64-bit FNV-1a)
//!    of the other party's name and the remittance text, spaces collapsed;
//! 5. an occurrence index among the entries of the same statement that agree on all of
//!    the above (two gifts of 20 € the same day from the same person, with the same
//!    reason, are two entries: 0 and 1).
//!
//! # Why importing again adds nothing twice
//!
//! The same movement read from the same kind of export again, in the same statement or
//! in another one that overlaps it, gets the same five parts: the bank does not change
//! a booked entry's date, amount, reference or text, and statements cover whole days,
//! so a day's identical entries are all in both (their order among themselves does not
//! matter: they are interchangeable). [`merge`] keeps the entries already held and adds
//! those whose id it has not seen. An export cut in the middle of a day may hold only
//! the first of two identical entries; the later, complete one holds both, and the
//! second, index 1, is added then.
//!
//! What it does not do: the same movement read from two kinds of export (a CSV, then a
//! CAMT.053 of the same days) is usually two ids, since a CSV gives no bank reference;
//! import each account's movements from one kind of file. An entry whose id is already
//! held is kept as first imported, even if the new file words it differently.

use std::collections::HashSet;

use super::{Account, Entry};

/// The identity of a statement entry across imports (see the module's documentation):
/// `account|date|amount|ref:REFERENCE` or `account|date|amount|txt:HASH`, then
/// `|occurrence`. A plain string, so that the register file can keep it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryId(String);

impl EntryId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id as the register file kept it.
    pub fn from_kept(text: String) -> EntryId {
        EntryId(text)
    }
}

impl std::fmt::Display for EntryId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// 64-bit FNV-1a: small, stable across versions and platforms (the register file keeps
/// what it gives), and enough to tell texts apart among one account's entries of one
/// day and amount. Not a secret: nothing relies on it being hard to forge.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The account's part of an id.
fn account_key(account: &Account) -> String {
    match account {
        Account::Iban(iban) => iban.clone(),
        Account::Number { number, .. } => format!("n:{number}"),
        Account::Unstated => String::new(),
    }
}

/// Writes every entry's id, in the order of `entries` (a statement's).
pub(super) fn assign_ids(account: &Account, entries: &mut [Entry]) {
    let account = account_key(account);
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for entry in entries.iter_mut() {
        let key = match &entry.bank_reference {
            Some(reference) => format!("ref:{}", reference.trim()),
            None => {
                let text = format!("{}\u{1f}{}", super::text::collapse(entry.counterparty.as_deref().unwrap_or("")), super::text::collapse(&entry.remittance));
                format!("txt:{:016x}", fnv1a(text.as_bytes()))
            }
        };
        let base = format!("{account}|{}|{}|{key}", entry.booking_date, entry.amount.get());
        let n = seen.entry(base.clone()).or_insert(0);
        entry.id = EntryId(format!("{base}|{n}"));
        *n += 1;
    }
}

/// The entries `existing` holds, then those of `new` whose id is not among them, in
/// their order: importing a statement again adds nothing, an overlapping one adds only
/// the entries the register did not have.
pub fn merge(existing: &[Entry], new: &[Entry]) -> Vec<Entry> {
    let mut out = existing.to_vec();
    out.extend(fresh(existing, new).cloned());
    out
}

/// The entries of `new` that `existing` does not hold (by id), each once.
pub fn fresh<'a>(existing: &[Entry], new: &'a [Entry]) -> impl Iterator<Item = &'a Entry> {
    let mut known: HashSet<EntryId> = existing.iter().map(|e| e.id.clone()).collect();
    new.iter().filter(move |e| known.insert(e.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_is_the_published_function() {
        // The FNV test vectors (draft-eastlake-fnv): "" and "a".
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
