"""The OpenAPI 3.1 document for /api/v1/, written by hand beside the views it describes."""

from django.contrib.auth import get_user_model
from django.http import JsonResponse

from dateline.accounts.names import MAX_LENGTH as DISPLAY_NAME_MAX_LENGTH
from dateline.core.api import MAX_BODY_BYTES, api_view
from dateline.core.inputs import MAX_NUMBER

from .models import Flag
from .text import MAX_LENGTH as BODY_MAX_LENGTH
from .threads import SORTS

# Lengths the API documents and refuses beyond (never cuts): the columns' own sizes.
NOTE_MAX_LENGTH = Flag._meta.get_field("note").max_length
EMAIL_MAX_LENGTH = get_user_model()._meta.get_field("email").max_length

ERROR_CODES = [
    # request shape (core.inputs: depth, storable text, strict numbers, sizes)
    "invalid_json", "invalid_text", "too_large", "bad_request", "missing_field",
    "method_not_allowed", "csrf_failed", "not_found", "rate_limited",
    "invalid_sort", "invalid_page", "invalid_parent", "invalid_note", "invalid_reason",
    # comment text
    "empty", "too_long", "binary", "invalid_body",
    # who may do what
    "login_required", "invalid_token", "invalid_credentials", "cannot_comment",
    "comments_closed", "not_author", "not_editable", "edit_window_closed", "staff_only",
    "forbidden",
    # outcomes
    "comment_rejected", "duplicate", "not_published", "already_flagged", "own_comment",
    # sign-up
    "invalid_email", "email_taken", "weak_password", "display_name_taken",
    "display_name_confusable", "display_name_invalid",
    # retries and outages (core.idempotency, core.errors)
    "invalid_idempotency_key", "idempotency_key_reused", "service_unavailable", "server_error",
]  # fmt: skip


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema):
    return {"content": {"application/json": {"schema": schema}}}


def answer(description, schema=None):
    return {"description": description, **(json_content(schema) if schema else {})}


ERRORS = {
    "400": answer(
        "Bad input; `error.code` says what (JSON nested deeper than 32 levels, text with "
        "NUL or lone surrogates, numbers outside their bounds included)",
        ref("Error"),
    ),
    "401": answer("Not logged in, or a bad token", ref("Error")),
    "403": answer("Not allowed (or CSRF failed)", ref("Error")),
    "404": answer("No such page or comment", ref("Error")),
    "405": answer("Not a method this path answers (see the Allow header)", ref("Error")),
    "413": answer(f"A body over {MAX_BODY_BYTES:,} bytes (by Content-Length)", ref("Error")),
    "503": {
        **answer("The database or Redis is briefly unreachable; try again", ref("Error")),
        "headers": {
            "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}
        },
    },
}
RATE_LIMITED = {
    "429": {
        **answer("Too many attempts from this address or for this email", ref("Error")),
        "headers": {
            "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}
        },
    }
}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_NUMBER}
COMMENT_ID = {"name": "comment_id", "in": "path", "required": True, "schema": ID}
ONE_COMMENT = answer("The comment", ref("Wrapped"))
USER = {
    "type": "object",
    "required": ["id", "display_name", "badge"],
    "properties": {
        "id": {"type": "integer"},
        "display_name": {"type": "string"},
        "badge": {"enum": ["", "staff", "verified", "imported"]},
    },
}
# Always in a comment; reply_count comes on top-level comments, replying_to and replies on a
# page of threads, rejection_reason on rejected comments.
COMMENT_FIELDS = [
    "id", "page", "parent", "thread", "depth", "status", "url", "created", "edited", "author",
    "body", "html", "featured", "reactions", "reacted",
]  # fmt: skip
COMMENT = {
    "type": "object",
    "required": COMMENT_FIELDS,
    "properties": {
        "id": {"type": "integer"},
        "page": {"type": "integer"},
        "parent": {"type": ["integer", "null"]},
        "thread": {"type": "integer"},
        "depth": {"type": "integer", "minimum": 0, "maximum": 2},
        "status": {"enum": ["published", "held", "rejected", "deleted", "removed"]},
        "url": {"type": "string", "description": "Permalink (redirects to the comment)"},
        "created": {"type": "string", "format": "date-time"},
        "edited": {"type": ["string", "null"], "format": "date-time"},
        "author": {"oneOf": [ref("User"), {"type": "null"}]},
        "body": {"type": "string", "description": "Plain text; empty on tombstones"},
        "html": {"type": "string", "description": "Sanitised HTML of the body"},
        "featured": {"type": "boolean"},
        "reactions": {"type": "integer"},
        "reacted": {"type": "boolean"},
        "reply_count": {"type": "integer", "description": "Top-level comments only"},
        "replying_to": {"oneOf": [ref("User"), {"type": "null"}]},
        "replies": {"type": "array", "items": ref("Comment")},
        "rejection_reason": {"type": "string"},
    },
}
BODY = {
    "type": "object",
    "required": ["body"],
    "properties": {"body": {"type": "string", "minLength": 1, "maxLength": BODY_MAX_LENGTH}},
}


def build():
    document = {
        "openapi": "3.1.0",
        "info": {"title": "dateline comments API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": {
            "/auth/signup": {
                "post": {
                    "summary": "Create an account; returns a token",
                    "security": [],
                    "requestBody": json_content(
                        {
                            "type": "object",
                            "required": ["email", "password", "display_name"],
                            "properties": {
                                "email": {
                                    "type": "string",
                                    "format": "email",
                                    "maxLength": EMAIL_MAX_LENGTH,
                                },
                                "password": {"type": "string"},
                                "display_name": {
                                    "type": "string",
                                    "maxLength": DISPLAY_NAME_MAX_LENGTH,
                                },
                            },
                        }
                    ),
                    "responses": {
                        "201": answer("Created", ref("UserToken")),
                        **ERRORS,
                        **RATE_LIMITED,
                    },
                }
            },
            "/auth/token": {
                "post": {
                    "summary": "Exchange email and password for a new token",
                    "security": [],
                    "requestBody": json_content(
                        {
                            "type": "object",
                            "required": ["email", "password"],
                            "properties": {
                                "email": {"type": "string", "maxLength": EMAIL_MAX_LENGTH},
                                "password": {"type": "string"},
                            },
                        }
                    ),
                    "responses": {
                        "200": answer("A token", ref("UserToken")),
                        **ERRORS,
                        **RATE_LIMITED,
                    },
                }
            },
            "/pages/{page_id}/comments": {
                "parameters": [
                    {
                        "name": "page_id",
                        "in": "path",
                        "required": True,
                        "schema": ID,
                    }
                ],
                "get": {
                    "summary": "One page of threads (20 top-level comments with their replies)",
                    "security": [],
                    "parameters": [
                        {"name": "sort", "in": "query", "schema": {"enum": list(SORTS)}},
                        {
                            "name": "page",
                            "in": "query",
                            "schema": ID,
                        },
                        {"name": "featured", "in": "query", "schema": {"type": "boolean"}},
                    ],
                    "responses": {"200": answer("Threads", ref("ThreadPage")), **ERRORS},
                },
                "post": {
                    "summary": "Post a comment, or a reply with `parent`; it is screened first",
                    "requestBody": json_content(
                        {
                            **BODY,
                            "properties": {**BODY["properties"], "parent": ID},
                        }
                    ),
                    "responses": {
                        "201": answer("Posted (published or held: see `status`)", ref("Wrapped")),
                        **ERRORS,
                        "429": {
                            **RATE_LIMITED["429"],
                            "description": "Posting faster than the site allows; nothing "
                            "was recorded: send it again after Retry-After seconds",
                        },
                    },
                },
            },
            "/comments/{comment_id}": {
                "parameters": [COMMENT_ID],
                "get": {"summary": "One comment", "responses": {"200": ONE_COMMENT, **ERRORS}},
                "patch": {
                    "summary": "Edit your comment within the edit window",
                    "requestBody": json_content(BODY),
                    "responses": {"200": ONE_COMMENT, **ERRORS},
                },
                "delete": {
                    "summary": "Delete your comment (a tombstone stays)",
                    "responses": {"200": ONE_COMMENT, **ERRORS},
                },
            },
            "/comments/{comment_id}/reaction": {
                "parameters": [COMMENT_ID],
                "put": {
                    "summary": "Give your Respect (not to your own comment: 403 `own_comment`)",
                    "responses": reaction_answers(),
                },
                "delete": {"summary": "Take it back", "responses": reaction_answers()},
            },
            "/comments/{comment_id}/flags": {
                "parameters": [COMMENT_ID],
                "post": {
                    "summary": "Report a comment to the moderators",
                    "requestBody": json_content(
                        {
                            "type": "object",
                            "required": ["reason"],
                            "properties": {
                                "reason": {"enum": list(Flag.Reason.values)},
                                "note": {"type": "string", "maxLength": NOTE_MAX_LENGTH},
                            },
                        }
                    ),
                    "responses": {"201": answer("Reported", ref("FlagReport")), **ERRORS},
                },
            },
            "/comments/{comment_id}/featured": {
                "parameters": [COMMENT_ID],
                "put": {"summary": "Feature (staff)", "responses": {"200": ONE_COMMENT, **ERRORS}},
                "delete": {
                    "summary": "Unfeature (staff)",
                    "responses": {"200": ONE_COMMENT, **ERRORS},
                },
            },
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "sessionid",
                    "description": "Writes also need the X-CSRFToken header",
                },
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"enum": ERROR_CODES},
                                "message": {"type": "string"},
                                "field": {"type": "string"},
                            },
                        }
                    },
                },
                "User": USER,
                "UserToken": {
                    "type": "object",
                    "required": ["user", "token"],
                    "properties": {"user": ref("User"), "token": {"type": "string"}},
                },
                "Comment": COMMENT,
                "Wrapped": {
                    "type": "object",
                    "required": ["comment"],
                    "properties": {"comment": ref("Comment")},
                },
                "FlagReport": {
                    "type": "object",
                    "required": ["flag"],
                    "properties": {
                        "flag": {
                            "type": "object",
                            "required": ["id", "reason"],
                            "properties": {
                                "id": {"type": "integer"},
                                "reason": {"enum": list(Flag.Reason.values)},
                            },
                        }
                    },
                },
                "ThreadPage": {
                    "type": "object",
                    "required": ["page", "sort", "page_number", "has_more", "comments"],
                    "properties": {
                        "page": {
                            "type": "object",
                            "description": "The story",
                            "required": ["id", "title", "url", "comments_open", "responses"],
                            "properties": {
                                "id": {"type": "integer"},
                                "title": {"type": "string"},
                                "url": {"type": "string"},
                                "comments_open": {"type": "boolean"},
                                "responses": {
                                    "type": "integer",
                                    "description": "Published comments on the story",
                                },
                            },
                        },
                        "sort": {"enum": list(SORTS)},
                        "page_number": {"type": "integer"},
                        "has_more": {"type": "boolean"},
                        "comments": {"type": "array", "items": ref("Comment")},
                    },
                },
            },
        },
    }
    return idempotent_writes(document)


def idempotent_writes(document):
    """Every write that needs a login takes an Idempotency-Key (core.idempotency)."""
    key = {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": "Any 1 to 255 visible ASCII characters, new for each write. Sent "
        "again with the same request (within 24 hours), the first answer comes back and "
        "nothing is stored twice.",
        "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"},
    }
    reused = answer("This Idempotency-Key was used for a different request", ref("Error"))
    for operations in document["paths"].values():
        for method, operation in operations.items():
            if method in ("post", "put", "patch", "delete") and operation.get("security") != []:
                operation["parameters"] = [*operation.get("parameters", []), key]
                operation["responses"] = {**operation["responses"], "422": reused}
    return document


def reaction_answers():
    counts = {
        "type": "object",
        "required": ["reacted", "reactions"],
        "properties": {"reacted": {"type": "boolean"}, "reactions": {"type": "integer"}},
    }
    return {"200": answer("Your reaction and the count", counts), **ERRORS}


@api_view("GET")
def document(request):
    return JsonResponse(build(), json_dumps_params={"indent": 1})
