using System;
using System.Text;
using System.Threading;
using FactorialGen.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace FactorialGen.Generator.Tests;

/// <summary>Runs the generator's YAML-to-JSON conversion on a YAML text: the JSON, or an exception with the problem.</summary>
internal static class YamlConversion
{
    public static string ToJson(string yaml)
    {
        var conversion = YamlDocumentConverter.Convert(SourceText.From(yaml), CancellationToken.None);
        if (conversion.Problem is { } problem)
        {
            throw new InvalidOperationException($"{problem.Message} (line {problem.Line + 1}, column {problem.Column + 1})");
        }

        return Encoding.UTF8.GetString(conversion.Json.Span);
    }

    public static YamlDocumentConverter.Problem ProblemOf(string yaml) =>
        YamlDocumentConverter.Convert(SourceText.From(yaml), CancellationToken.None).Problem
        ?? throw new InvalidOperationException("The YAML converted without a problem.");
}

/// <summary>A small OpenAPI document written by hand in YAML, using what YAML has and JSON has not, and its JSON form.</summary>
internal static class SmallYaml
{
    public const string Document = """
        # A hand-written document: plain scalars, flow and block collections, an anchor, an alias and a merge key.
        openapi: 3.1.0
        info:
          title: Small
          version: 2026-07-01
        paths:
          /api/2026-07-01/resources/things/things:
            get:
              summary: >-
                Lists the
                things
              parameters:
                - name: limit
                  in: query
                  schema: {type: integer, default: 10, maximum: 0x64}
              responses:
                200:
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/things_thing'}
        components:
          schemas:
            things_base: &base
              type: object
              properties:
                label: {type: string}
            things_thing:
              type: object
              required: [id]
              properties:
                id: {type: string}
                switch:
                  type: string
                  enum: [on, off, yes, no]
                release: &version
                  type: string
                  example: 1.0.0
                previous: *version
                weight: {type: number, example: 1.50}
                active: {type: boolean, default: True}
                note: {type: string, nullable: true, default: ~}
            things_child:
              <<: *base
              description: |
                A child
        """;

    public const string Json = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Small", "version": "2026-07-01" },
          "paths": {
            "/api/2026-07-01/resources/things/things": {
              "get": {
                "summary": "Lists the things",
                "parameters": [ { "name": "limit", "in": "query", "schema": { "type": "integer", "default": 10, "maximum": 100 } } ],
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/things_thing" } } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "things_base": { "type": "object", "properties": { "label": { "type": "string" } } },
              "things_thing": {
                "type": "object",
                "required": [ "id" ],
                "properties": {
                  "id": { "type": "string" },
                  "switch": { "type": "string", "enum": [ "on", "off", "yes", "no" ] },
                  "release": { "type": "string", "example": "1.0.0" },
                  "previous": { "type": "string", "example": "1.0.0" },
                  "weight": { "type": "number", "example": 1.50 },
                  "active": { "type": "boolean", "default": true },
                  "note": { "type": "string", "nullable": true, "default": null }
                }
              },
              "things_child": { "type": "object", "properties": { "label": { "type": "string" } }, "description": "A child\n" }
            }
          }
        }
        """;
}
