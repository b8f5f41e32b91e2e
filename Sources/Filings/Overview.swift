// Filings mode in one page (see DESIGN.md, "Modules"; bench/filings/README.md for the numbers). Reading,
// the announcement check, headline and field readers are FilingsRead (no engine); the rest is this target.
//
// One call (what `POST /v1/filings` needs; thread-safe, the default baseline classifier):
//     let r: FilingResult = try FilingProcessor.process(data: bytes, filename: "rns.html")   // Codable
//     // throws FilingError (empty, binary, pdfNotRead, tooLarge, unreadable, notAnAnnouncement) with a message
//     // for people; force: true processes a non-announcement as Other with a warning
//
// Pieces
//     FilingReader.read(data:filename:)      text | HTML (tables → " | " rows) | inline XBRL (XMLParser) → FilingDocument
//     IXBRLReader / Transform                 ix:nonFraction / ix:nonNumeric facts: contexts, units, scale, sign, ixt formats
//     AnnouncementCheck / Headline            is it an announcement at all; the type its RNS headline names
//     FieldExtractor.extract(type, text:)     a reader per type (Extract*.swift) over Doc rows (TextRows); .report(ixbrl)
//     FieldSchema                             each field's kind and validator; values that fail are not emitted
//     NaiveBayes / ModelClassifier            bag-of-words baseline / LM + class head (last-block or full fine-tune)
//     FieldSummary / SummaryWriter / NumberCheck
//                                             field-based paragraph; LM summary regenerated until every number is in
//                                             the filing and the issuer is named, else the field-based one
//     SummaryPrompt / SummaryPromptStyle      what the summary model reads: the fields as key: value lines (default),
//                                             those plus the start of the text, or the text; saved beside the model
//     FilingsComposer                         training/test documents for 15 announcement types + Other
//     FilingResult.record / init(record:)     the Store's `filing` row (FOIStore.saveFiling, filings, filing(id:))
