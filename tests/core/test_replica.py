"""The read replica's router: reads to the replica, writes and the reads after them to
the primary, in the same request and for the same reader's next requests."""

from django.http import HttpResponse
from django.test import RequestFactory

from dateline.core import replica
from dateline.newsroom.models import Author

router = replica.PrimaryReplicaRouter()


def through_middleware(request, view):
    return replica.PinAfterWriteMiddleware(view)(request)


def test_reads_go_to_the_replica_until_a_write():
    seen = {}

    def view(request):
        seen["before"] = router.db_for_read(Author)
        seen["write"] = router.db_for_write(Author)
        seen["after"] = router.db_for_read(Author)
        return HttpResponse("ok")

    response = through_middleware(RequestFactory().get("/"), view)
    assert seen == {"before": "replica", "write": "default", "after": "default"}
    assert response.cookies[replica.PIN_COOKIE]["max-age"] == replica.PIN_SECONDS


def test_a_reader_who_just_wrote_reads_from_the_primary():
    request = RequestFactory().get("/", HTTP_COOKIE=f"{replica.PIN_COOKIE}=1")
    response = through_middleware(request, lambda r: HttpResponse(router.db_for_read(Author)))
    assert response.content == b"default"
    plain = through_middleware(
        RequestFactory().get("/"), lambda r: HttpResponse(router.db_for_read(Author))
    )
    assert plain.content == b"replica" and replica.PIN_COOKIE not in plain.cookies


def test_posts_read_from_the_primary_and_only_the_primary_is_migrated():
    request = RequestFactory().post("/")
    response = through_middleware(request, lambda r: HttpResponse(router.db_for_read(Author)))
    assert response.content == b"default"
    assert router.allow_migrate("default", "newsroom") and not router.allow_migrate(
        "replica", "newsroom"
    )
