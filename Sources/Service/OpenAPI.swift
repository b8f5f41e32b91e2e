/// The OpenAPI 3 document served at `GET /openapi.yaml`, written by hand. `ServiceTests` checks that
/// its paths and methods are exactly `Routes.all`.
public enum OpenAPI {
    public static let document = """
    openapi: 3.0.3
    info:
      title: foibandit
      version: 0.1.0
      description: |
        Writes UK Freedom of Information request letters with a small transformer trained by this
        project, judged by deterministic checks. Every route but /healthz needs
        `Authorization: Bearer <token>` when the server was started with a token (it must be, to bind
        anything but loopback). Errors are JSON: {"error": "..."}. Generation routes answer 503 when no
        model is loaded or when the queue is full (--max-pending); retry later.
    servers:
      - url: http://127.0.0.1:8080
    components:
      securitySchemes:
        bearer:
          type: http
          scheme: bearer
      responses:
        Error:
          description: An error, with a message for a person.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
      schemas:
        Error:
          type: object
          required: [error]
          properties:
            error: {type: string}
        LetterRequest:
          type: object
          required: [authority, keywords]
          properties:
            authority: {type: string, description: "As people write it: name, short name, short forms (DWP, Met Police), council and police name forms, small typos. One body resolves (see the letter's note); several or none is 404 with the candidates or suggestions, unless nation is given."}
            keywords:
              description: A list, or one string with the keywords separated by ';' (or ',' when there is no ';').
              oneOf:
                - {type: array, minItems: 1, maxItems: 8, items: {type: string, maxLength: 100}}
                - {type: string}
            style: {type: string, enum: [numbered, brief, detailed, documents, table], default: numbered}
            seed: {type: integer, format: uint64, description: "Same seed, same letter. Random when absent."}
            temperature: {type: number, minimum: 0, maximum: 2, default: 0.7}
            max_tokens: {type: integer, minimum: 1, description: "At most the server's cap (--max-tokens-cap, default 512)."}
            requester: {type: string, description: "The name that signs the letter (default: the one set with foibandit config requester; else a placeholder)."}
            nation: {type: string, enum: [England, Wales, Scotland, Northern Ireland, UK], description: "For a body that is not in the database (a parish council, a school): its nation decides the law (FOISA in Scotland, FOIA elsewhere; EIR/EISR for environmental topics)."}
            category: {type: string, description: "With nation: one of the database's categories, or a plain description ('community council')."}
        Check:
          type: object
          properties:
            id: {type: string}
            weight: {type: integer}
            passed: {type: boolean}
            reason: {type: string}
            critical: {type: boolean, description: A failed critical check makes the letter invalid.}
        Letter:
          type: object
          properties:
            authority: {type: string}
            letter: {type: string}
            score: {type: integer, minimum: 0, maximum: 100}
            checks: {type: array, items: {$ref: '#/components/schemas/Check'}}
            failed_checks: {type: array, items: {type: string}}
            model: {type: string}
            seed: {type: integer, format: uint64}
            tokens: {type: integer}
            law: {type: string, description: "The law the letter is written under, e.g. FOIA 2000, FOISA 2002 + EISR 2004."}
            listed: {type: boolean, description: "false for a body that is not in the database (given with its nation)."}
            note: {type: string, description: "What the name given resolved to, when it was not the body's name; or that the body is not listed."}
        Authority:
          type: object
          properties:
            name: {type: string}
            short_name: {type: string}
            group: {type: string}
            category: {type: string}
            nation: {type: string, enum: [England, Wales, Scotland, Northern Ireland, UK]}
            regime: {type: string, enum: [FOIA 2000, FOISA 2002]}
            website: {type: string}
        Keyword:
          type: object
          properties:
            text: {type: string}
            theme: {type: string}
            categories: {type: array, items: {type: string}}
            environmental: {type: boolean}
    security:
      - bearer: []
    paths:
      /healthz:
        get:
          summary: Liveness, the loaded model and the generation queue.
          security: []
          responses:
            '200':
              description: Healthy.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      status: {type: string, enum: [ok]}
                      model: {type: string, nullable: true}
                      in_flight: {type: integer}
                      batches: {type: integer}
                      letters: {type: integer}
        head:
          summary: Liveness without a body, for load balancers and probes.
          security: []
          responses:
            '200':
              description: Healthy.
      /openapi.yaml:
        get:
          summary: This document.
          responses:
            '200':
              description: OpenAPI 3 YAML.
              content:
                application/yaml: {}
            '401': {$ref: '#/components/responses/Error'}
      /v1/letters:
        post:
          summary: Write one letter and judge it.
          description: Concurrent requests are decoded together in batches.
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/LetterRequest'}
          responses:
            '200':
              description: The letter and its judge result.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Letter'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
            '503': {$ref: '#/components/responses/Error'}
      /v1/judge:
        post:
          summary: Judge a letter, as the slot machine's payout does.
          description: |
            Every check with its reason; a failed critical check (a non-word, the wrong kind of body,
            people the body does not serve, a spliced sentence, a wrong section, no name...) makes the
            letter invalid, with a score below 80.
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [authority, keywords, letter]
                  properties:
                    authority: {type: string}
                    keywords:
                      description: A list, or one string separated by ';' (or ',').
                      oneOf:
                        - {type: array, items: {type: string}}
                        - {type: string}
                    letter: {type: string, maxLength: 64000}
          responses:
            '200':
              description: The verdict.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      authority: {type: string}
                      score: {type: integer, minimum: 0, maximum: 100}
                      valid: {type: boolean}
                      checks: {type: array, items: {$ref: '#/components/schemas/Check'}}
                      failed_checks: {type: array, items: {type: string}}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /v1/letters/stream:
        post:
          summary: Write one letter as server-sent events.
          description: |
            One `event: token` per piece of text (data: {"text": "..."}), then one `event: done` whose
            data is the Letter object (score and checks included). Each data field is one line of JSON.
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/LetterRequest'}
          responses:
            '200':
              description: An event stream.
              content:
                text/event-stream: {}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
            '503': {$ref: '#/components/responses/Error'}
      /v1/spin:
        get:
          summary: Pull the lever - an authority and two keywords that suit it.
          parameters:
            - {name: category, in: query, schema: {type: string}, description: "Category or group of the authority taxonomy."}
            - {name: chaos, in: query, schema: {type: boolean}, description: "Any keyword, suited or not."}
            - {name: seed, in: query, schema: {type: integer, format: uint64}}
          responses:
            '200':
              description: The reels. Post authority and keywords to /v1/letters as they are.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      authority: {type: string}
                      keywords: {type: array, items: {type: string}}
                      seed: {type: integer, format: uint64}
                      detail: {$ref: '#/components/schemas/Authority'}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /v1/authorities:
        get:
          summary: Full-text search over authority names and short names.
          parameters:
            - {name: q, in: query, schema: {type: string, maxLength: 200}, description: "Words, prefix-matched; all authorities (up to limit) when absent."}
            - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100, default: 20}}
          responses:
            '200':
              description: Matching authorities, best first.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      authorities: {type: array, items: {$ref: '#/components/schemas/Authority'}}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
      /v1/keywords:
        get:
          summary: Keywords, optionally of one theme.
          parameters:
            - {name: theme, in: query, schema: {type: string}}
          responses:
            '200':
              description: The keywords.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      keywords: {type: array, items: {$ref: '#/components/schemas/Keyword'}}
            '401': {$ref: '#/components/responses/Error'}
            '404': {$ref: '#/components/responses/Error'}
      /v1/batch:
        post:
          summary: A CSV of requests in, a CSV of letters out.
          description: |
            Columns as for `foibandit batch`: authority, keywords (';'-separated), optional style, seed,
            temperature, max_tokens, requester, and nation and category for a body not in the database. The result has every input column, then letter, score,
            failed_checks, model, seed, error; a bad row gets its error and the others go on.
            A body that is not valid CSV (a row with more fields than the header, an unbalanced
            or stray quote) is refused whole with 400, naming the lines.
          requestBody:
            required: true
            content:
              text/csv: {}
          responses:
            '200':
              description: The results, one row per input row.
              content:
                text/csv: {}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
            '503': {$ref: '#/components/responses/Error'}
      /v1/filings:
        post:
          summary: Read a regulatory filing - its type, key fields and a short summary.
          description: |
            The body is the filing itself: plain text, HTML/XHTML or inline XBRL (PDF is not read).
            Inline XBRL accounts are read from their tagged facts; other documents are classified
            by the filings classifier and their fields extracted by rule.
          parameters:
            - {name: filename, in: query, schema: {type: string}, description: "Named in messages; default from the Content-Type."}
          requestBody:
            required: true
            content:
              text/plain: {}
              text/html: {}
              application/xhtml+xml: {}
          responses:
            '200':
              description: What the filing is.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      filename: {type: string}
                      format: {type: string, enum: [text, html, ixbrl]}
                      type: {type: string}
                      type_title: {type: string}
                      confidence: {type: number}
                      classifier: {type: string}
                      fields: {type: object, additionalProperties: {type: string}}
                      summary: {type: string}
                      summary_source: {type: string}
                      summary_attempts: {type: integer}
                      fact_count: {type: integer}
                      warnings: {type: array, items: {type: string}}
                      content_hash: {type: string}
                      characters: {type: integer}
            '400': {$ref: '#/components/responses/Error'}
            '401': {$ref: '#/components/responses/Error'}
            '413': {$ref: '#/components/responses/Error'}
    """
}
