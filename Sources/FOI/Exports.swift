// FOICore (authority, keyword, legislation, names, prompt, records) is the vocabulary the judge and the banks
// speak, and so is Common; FOI's clients get both with one import, as before the split (DESIGN.md).
@_exported import FOICore
