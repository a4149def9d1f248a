/// A record decoded from one YAML document, before it gets its id.
struct DecodedRecord {
  var item = NewsItem()
  var related: [RelatedItem] = []
  var secured: SecuredContent?
  var documentIndex = 0
  var line = 1
}

/// Decodes records straight from YAML events into the model (no generic node tree: it costs ~28 %),
/// turning wrong-typed fields into warnings and keeping unknown fields as text.
final class RecordDecoder {
  let reader: YAMLEventReader
  let path: String
  /// Shares repeated short values between the records this thread decodes.
  let interner: StringInterner
  /// Lists are gathered here and copied out at their exact size, so a list costs one allocation.
  let scratch: DecodeScratch
  var diagnostics: [Diagnostic] = []

  /// Longest text kept for an unknown field's value, in bytes.
  static let maxExtraBytes = 4096

  init(
    reader: YAMLEventReader, path: String, interner: StringInterner = StringInterner(),
    scratch: DecodeScratch = DecodeScratch()
  ) {
    self.reader = reader
    self.path = path
    self.interner = interner
    self.scratch = scratch
  }

  /// Every record of the stream; a thrown error means the file is broken and none of them count.
  func decodeDocuments() throws(YAMLError) -> [DecodedRecord] {
    var records: [DecodedRecord] = []
    var documentIndex = 0
    while true {
      let event = try reader.next()
      switch event.kind {
      case .streamEnd:
        return records
      case .documentStart:
        let root = try reader.next()
        if root.kind == .mappingStart {
          var record = DecodedRecord(documentIndex: documentIndex, line: event.line)
          var explicit = FieldSet()
          var merged = FieldSet()
          try decodeEntries(
            of: &record, topLevel: true, explicit: &explicit, merged: &merged, merging: false, context: nil)
          if record.item.title == nil && record.item.excerpt == nil {
            report(.error, at: event, "record has neither title nor excerpt")
          } else {
            records.append(record)
          }
        } else if !root.isNull {
          report(.error, at: root, "document is \(describe(root)), not a mapping of record fields")
          try skip(root)
        }
        documentIndex += 1
      default:
        continue
      }
    }
  }

  // MARK: Mappings

  /// Decodes a mapping's entries (its start already read) up to and including its end.
  private func decodeEntries(
    of record: inout DecodedRecord, topLevel: Bool, explicit: inout FieldSet, merged: inout FieldSet,
    merging: Bool,
    context: Int?
  ) throws(YAMLError) {
    while true {
      let key = try reader.next()
      if key.kind == .mappingEnd { return }
      guard key.kind == .scalar else {
        report(
          .warning, at: key, "\(prefix(context))a mapping key is \(describe(key)), not text; entry ignored")
        try skip(key)
        try skip(try reader.next())
        continue
      }
      // The key's bytes live only until the next event is read: classify the key first.
      let isMerge =
        key.isPlain && key.bytes.count == 2 && key.bytes[0] == UInt8(ascii: "<")
        && key.bytes[1] == UInt8(ascii: "<")
      let known = FieldKey.match(key.bytes, in: topLevel ? .record : .relatedItem)
      let unknownName = known == nil && !isMerge ? TextSanitizer.sanitize(key.bytes) : ""
      let value = try reader.next()
      if isMerge {
        try merge(
          value, into: &record, topLevel: topLevel, explicit: &explicit, merged: &merged, context: context)
        continue
      }
      guard let field = known else {
        let text = try render(value)
        if !merging { record.item.extraFields.append(ExtraField(key: unknownName, value: text)) }
        continue
      }
      if merging {
        if explicit.union(merged).contains(field) {
          try skip(value)
          continue
        }
        merged.insert(field)
      } else {
        if explicit.contains(field) {
          report(
            .warning, at: key, "\(prefix(context))duplicate key '\(field.spelling)'; the last value wins")
        }
        explicit.insert(field)
      }
      try assign(field, value, to: &record, context: context)
    }
  }

  /// A `<<` merge key: the entries of a mapping (or of each mapping in a list) apply where not given explicitly.
  private func merge(
    _ value: YAMLEvent, into record: inout DecodedRecord, topLevel: Bool, explicit: inout FieldSet,
    merged: inout FieldSet, context: Int?
  ) throws(YAMLError) {
    switch value.kind {
    case .mappingStart:
      try decodeEntries(
        of: &record, topLevel: topLevel, explicit: &explicit, merged: &merged, merging: true, context: context
      )
    case .sequenceStart:
      while true {
        let element = try reader.next()
        if element.kind == .sequenceEnd { return }
        if element.kind == .mappingStart {
          try decodeEntries(
            of: &record, topLevel: topLevel, explicit: &explicit, merged: &merged, merging: true,
            context: context)
        } else {
          report(
            .warning, at: element,
            "\(prefix(context))'<<' merges \(describe(element)), not a mapping; ignored")
          try skip(element)
        }
      }
    default:
      report(.warning, at: value, "\(prefix(context))'<<' merges \(describe(value)), not a mapping; ignored")
      try skip(value)
    }
  }

  private func assign(_ field: FieldKey, _ value: YAMLEvent, to record: inout DecodedRecord, context: Int?)
    throws(YAMLError)
  {
    switch field {
    case .title: record.item.title = try text(value, field, context)
    case .excerpt: record.item.excerpt = try text(value, field, context, layout: .paragraphs)
    case .category: record.item.category = try sharedText(value, field, context)
    case .type: record.item.type = try sharedText(value, field, context)
    case .originalUrl: record.item.originalUrl = try text(value, field, context, sharing: record.item.webUrl)
    case .webUrl: record.item.webUrl = try text(value, field, context, sharing: record.item.originalUrl)
    case .ampWebUrl: record.item.ampWebUrl = try text(value, field, context)
    case .cdnAmpWebUrl: record.item.cdnAmpWebUrl = try text(value, field, context)
    case .publishedDateTime: record.item.publishedDateTime = try date(value, field, context)
    case .quality: record.item.quality = try integer(value, field, context, range: Self.scoreRange)
    case .heat: record.item.heat = try integer(value, field, context, range: Self.scoreRange)
    case .published: record.item.published = try boolean(value, field, context)
    case .provider:
      var extras = record.item.extraFields
      record.item.provider = try provider(value, context, extras: &extras)
      record.item.extraFields = extras
    case .topics: record.item.topics = try topics(value, context)
    case .images: record.item.images = try images(value, "images", context)
    case .related: record.related = try related(value)
    case .secured:
      if value.kind == .scalar {
        record.secured = value.isNull ? nil : SecuredContent(byteCount: value.bytes.count)
      } else {
        report(.warning, at: value, "secured should be text, not \(describe(value)); field ignored")
        try skip(value)
      }
    default:
      try skip(value)
    }
  }

  // MARK: Nested values

  private func related(_ value: YAMLEvent) throws(YAMLError) -> [RelatedItem] {
    guard value.kind == .sequenceStart else {
      if !value.isNull {
        report(.warning, at: value, "related should be a list, not \(describe(value)); field ignored")
      }
      try skip(value)
      return []
    }
    scratch.related.removeAll(keepingCapacity: true)
    while true {
      let element = try reader.next()
      if element.kind == .sequenceEnd { return DecodeScratch.take(&scratch.related) }
      guard element.kind == .mappingStart else {
        if !element.isNull {
          report(
            .warning, at: element,
            "related[\(scratch.related.count)] should be a mapping, not \(describe(element)); item ignored")
        }
        try skip(element)
        continue
      }
      var record = DecodedRecord()
      var explicit = FieldSet()
      var merged = FieldSet()
      try decodeEntries(
        of: &record, topLevel: false, explicit: &explicit, merged: &merged, merging: false,
        context: scratch.related.count)
      scratch.related.append(record.item)
    }
  }

  private func provider(_ value: YAMLEvent, _ context: Int?, extras: inout [ExtraField]) throws(YAMLError)
    -> Provider?
  {
    guard value.kind == .mappingStart else {
      if !value.isNull {
        report(
          .warning, at: value,
          "\(prefix(context))provider should be a mapping, not \(describe(value)); field ignored")
      }
      try skip(value)
      return nil
    }
    var provider = Provider()
    try nestedEntries(context, "provider", accepting: [.name, .domain, .images]) {
      field, name, entry throws(YAMLError) in
      switch field {
      case .name: provider.name = try sharedText(entry, .name, context, container: "provider.")
      case .domain: provider.domain = try sharedText(entry, .domain, context, container: "provider.")
      case .images: provider.images = try images(entry, "provider.images", context)
      default:
        // Kept as an extra field of the item so a details view can still show it.
        extras.append(ExtraField(key: "provider." + name, value: try render(entry)))
      }
    }
    return provider
  }

  /// The entries of a nested mapping (its start already read) up to its end, with `<<` merge keys expanded
  /// as at the top level: `visit` gets each entry's field (nil when not one of `accepting`, with the key's
  /// sanitized text), and an entry from a merge never replaces one given explicitly, wherever it stands.
  private func nestedEntries(
    _ context: Int?, _ container: String, accepting fields: [FieldKey], explicit: inout FieldSet,
    merged: inout FieldSet, merging: Bool, _ visit: (FieldKey?, String, YAMLEvent) throws(YAMLError) -> Void
  ) throws(YAMLError) {
    while true {
      let key = try reader.next()
      if key.kind == .mappingEnd { return }
      guard key.kind == .scalar else {
        report(
          .warning, at: key, "\(prefix(context))a mapping key is \(describe(key)), not text; entry ignored")
        try skip(key)
        try skip(try reader.next())
        continue
      }
      // The key's bytes live only until the next event is read: classify the key first.
      let isMerge =
        key.isPlain && key.bytes.count == 2 && key.bytes[0] == UInt8(ascii: "<")
        && key.bytes[1] == UInt8(ascii: "<")
      let field = FieldKey.match(key.bytes).flatMap { fields.contains($0) ? $0 : nil }
      let name = field == nil && !isMerge ? TextSanitizer.sanitize(key.bytes) : ""
      let value = try reader.next()
      if isMerge {
        try mergeNested(
          value, context, container, accepting: fields, explicit: &explicit, merged: &merged, visit)
        continue
      }
      if let field {
        if merging {
          if explicit.union(merged).contains(field) {
            try skip(value)
            continue
          }
          merged.insert(field)
        } else {
          explicit.insert(field)
        }
      } else if merging {
        try skip(value)  // as at the top level, only known fields are merged
        continue
      }
      try visit(field, name, value)
    }
  }

  /// `nestedEntries` from the start of a nested mapping.
  private func nestedEntries(
    _ context: Int?, _ container: String, accepting fields: [FieldKey],
    _ visit: (FieldKey?, String, YAMLEvent) throws(YAMLError) -> Void
  ) throws(YAMLError) {
    var explicit = FieldSet()
    var merged = FieldSet()
    try nestedEntries(
      context, container, accepting: fields, explicit: &explicit, merged: &merged, merging: false, visit)
  }

  /// A `<<` inside a nested mapping: a mapping, or a list of mappings, whose entries apply where not given.
  private func mergeNested(
    _ value: YAMLEvent, _ context: Int?, _ container: String, accepting fields: [FieldKey],
    explicit: inout FieldSet,
    merged: inout FieldSet, _ visit: (FieldKey?, String, YAMLEvent) throws(YAMLError) -> Void
  ) throws(YAMLError) {
    switch value.kind {
    case .mappingStart:
      try nestedEntries(
        context, container, accepting: fields, explicit: &explicit, merged: &merged, merging: true, visit)
    case .sequenceStart:
      while true {
        let element = try reader.next()
        if element.kind == .sequenceEnd { return }
        if element.kind == .mappingStart {
          try nestedEntries(
            context, container, accepting: fields, explicit: &explicit, merged: &merged, merging: true, visit)
        } else {
          report(
            .warning, at: element,
            "'<<' in \(prefix(context))\(container) merges \(describe(element)), not a mapping; ignored")
          try skip(element)
        }
      }
    default:
      report(
        .warning, at: value,
        "'<<' in \(prefix(context))\(container) merges \(describe(value)), not a mapping; ignored")
      try skip(value)
    }
  }

  private func topics(_ value: YAMLEvent, _ context: Int?) throws(YAMLError) -> [String] {
    guard value.kind == .sequenceStart else {
      if !value.isNull {
        report(
          .warning, at: value,
          "\(prefix(context))topics should be a list, not \(describe(value)); field ignored")
      }
      try skip(value)
      return []
    }
    scratch.topics.removeAll(keepingCapacity: true)
    while true {
      let element = try reader.next()
      if element.kind == .sequenceEnd { return DecodeScratch.take(&scratch.topics) }
      if element.kind == .scalar {
        if !element.isNull, element.bytes.count > 0 {
          scratch.topics.append(
            TextSanitizer.isClean(element.bytes)
              ? interner.string(element.bytes) : TextSanitizer.sanitize(element.bytes))
        }
      } else {
        report(
          .warning, at: element, "\(prefix(context))a topic is \(describe(element)), not text; topic ignored")
        try skip(element)
      }
    }
  }

  private func images(_ value: YAMLEvent, _ name: String, _ context: Int?) throws(YAMLError) -> [ImageRef] {
    guard value.kind == .sequenceStart else {
      if !value.isNull {
        report(
          .warning, at: value,
          "\(prefix(context))\(name) should be a list, not \(describe(value)); field ignored")
      }
      try skip(value)
      return []
    }
    scratch.images.removeAll(keepingCapacity: true)
    while true {
      let element = try reader.next()
      if element.kind == .sequenceEnd { return DecodeScratch.take(&scratch.images) }
      guard element.kind == .mappingStart else {
        report(
          .warning, at: element,
          "\(prefix(context))an image is \(describe(element)), not a mapping; image ignored")
        try skip(element)
        continue
      }
      var image = ImageRef()
      try nestedEntries(context, "image", accepting: [.url, .width, .height, .isCached]) {
        field, _, entry throws(YAMLError) in
        switch field {
        case .url: image.url = try text(entry, .url, context, container: "image.")
        case .width:
          image.width = try integer(entry, .width, context, container: "image.", range: Self.pixelRange)
        case .height:
          image.height = try integer(entry, .height, context, container: "image.", range: Self.pixelRange)
        case .isCached: image.isCached = try boolean(entry, .isCached, context, container: "image.")
        default: try skip(entry)
        }
      }
      scratch.images.append(image)
    }
  }

}

/// Lists being decoded, kept by one loading thread from record to record so their storage is reused.
///
/// A list grown by appending reallocates as it grows and keeps up to twice the room it needs (for 100,000
/// records' related items, 256 bytes each, tens of megabytes); gathered here, each list is copied out once,
/// at its exact size. No decoding step nests a list inside another list of the same kind, so one of each
/// suffices. One scratch serves one thread.
///
/// The lists are plain properties: `@exclusivity(unchecked)` on them saved no measurable time (a few
/// access checks per record, against tens of microseconds of parsing; docs/PERFORMANCE.md).
final class DecodeScratch {
  var related: [RelatedItem] = []
  var topics: [String] = []
  var images: [ImageRef] = []

  /// A copy of `list` in storage of its exact size; `list` is emptied, keeping its capacity.
  static func take<Element>(_ list: inout [Element]) -> [Element] {
    if list.isEmpty { return [] }
    let copy = list.withUnsafeBufferPointer { Array($0) }
    list.removeAll(keepingCapacity: true)
    return copy
  }
}
