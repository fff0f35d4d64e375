//! Payments: the EPC069-12 transfer QR code and its rendering as SVG, the IBAN and BIC
//! checks, the payment methods.
//!
//! - [`epc`] builds the text of a SEPA credit transfer QR code (EPC069-12 v3.0,
//!   version 002, UTF-8, `SCT`) from a [`TransferOrder`], with bilingual errors;
//! - [`qr`] encodes that text at error correction level M (version ≤ 13, as the
//!   guideline requires) and renders it as a small SVG;
//! - [`iban`] checks IBANs ([`check_iban`], the one entry point) and formats them for
//!   people (grouped by four) and for payloads (electronic);
//! - [`bic`] checks BICs ([`check_bic`], ISO 9362:2022);
//! - [`Method`]: how a gift is paid.
//!
//! Pure functions only: no web dependency, no I/O.

pub mod bic;
pub mod epc;
pub mod iban;
pub mod method;
pub mod qr;
pub mod reference;

pub use bic::{check_bic, BicInvalid};
pub use epc::{epc_payload, EpcError, TransferOrder};
pub use iban::{check_iban, electronic_iban, group_iban, IbanError};
pub use method::Method;
pub use qr::{qr_matrix, qr_svg, QrError, QrMatrix};

/// The SVG QR code of a transfer order: [`epc_payload`] then [`qr_svg`].
///
/// A valid payload is at most 331 bytes and therefore always fits a version 13-M
/// symbol; should encoding fail anyway, it is reported as
/// [`EpcError::PayloadTooLong`].
pub fn transfer_qr_svg(order: &TransferOrder<'_>) -> Result<String, EpcError> {
    let payload = epc_payload(order)?;
    qr_svg(&payload).map_err(|_| EpcError::PayloadTooLong {
        bytes: payload.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Cents;

    #[test]
    fn transfer_qr_svg_chains_payload_and_rendering() {
        let order = TransferOrder {
            bic: None,
            name: "AFC Jeanne Martin",
            iban: "FR76 3000 6000 0112 3456 7890 189",
            amount: Some(Cents::new(10_000)),
            remittance: Some("Don"),
        };
        let svg = transfer_qr_svg(&order).unwrap();
        assert_eq!(svg, qr_svg(&epc_payload(&order).unwrap()).unwrap());
        let bad = TransferOrder { name: "", ..order };
        assert_eq!(transfer_qr_svg(&bad), Err(EpcError::NameEmpty));
    }
}
