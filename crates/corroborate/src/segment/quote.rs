//! Quotes and brackets around sentence boundaries: which characters open and which close.

/// Characters that close a quotation or bracket and stay with the sentence before them
/// (`."`, `.)`, `.”`, and the `''` of newswire text).
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』'
    )
}

/// Characters that open a quotation or bracket at the start of a sentence (including the
/// `` `` `` of newswire text and Spanish inverted marks).
pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '`' | '¿' | '¡' | '「' | '『'
    )
}

/// Quotation marks, opening or closing (not brackets).
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}
