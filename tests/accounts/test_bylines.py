"""Names of the newsroom (bylines, staff) are reserved; bylined writers and staff get badges."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from wagtail.models import Page

from dateline.accounts import actions
from dateline.accounts.selectors import badges_for, name_conflicts
from dateline.audit.models import AuditEntry
from dateline.newsroom.models import ArticlePage, Author, BlogPostPage

pytestmark = pytest.mark.django_db

PASSWORD = "a long test passphrase"


def sign_up(name, email="new@example.com"):
    return actions.create_account(email=email, password=PASSWORD, display_name=name)


def refusal(name, **kwargs):
    with pytest.raises(ValidationError) as error:
        sign_up(name, **kwargs)
    return error.value


def user(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def moderator():
    return user("moderator@dateline.invalid")


# Byline names


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Rachel Okafor", "display_name_taken"),
        ("rachel  okafor", "display_name_taken"),
        ("Rachel 0kafor", "display_name_confusable"),
        ("Rachel Okaf0r", "display_name_confusable"),
        ("Helene Marchand", "display_name_confusable"),  # accents dropped
        ("Ousmane Traore", "display_name_confusable"),
        ("Ousmane.Traoré", "display_name_confusable"),
    ],
)
def test_byline_names_and_their_lookalikes_are_reserved(name, code):
    error = refusal(name)
    assert error.code == code
    assert "byline" in error.messages[0]
    assert not get_user_model().objects.filter(email="new@example.com").exists()


def test_lookalike_refusal_names_the_byline():
    assert "“Rachel Okafor”" in refusal("Rache1 Okafor").messages[0]


def test_a_whole_script_lookalike_of_a_byline_is_refused():
    Author.objects.create(name="Papa Ace", slug="papa-ace")
    error = refusal("Рара Асе")  # all Cyrillic: one script, but it reads as the byline
    assert error.code == "display_name_confusable"


def test_names_near_a_byline_stay_free():
    assert sign_up("Rachel Okafo").display_name == "Rachel Okafo"


def test_api_sign_up_refuses_a_byline(client):
    response = client.post(
        "/api/v1/auth/signup",
        {"email": "new@example.com", "password": PASSWORD, "display_name": "Rachel 0kafor"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "display_name_confusable"
    assert response.json()["error"]["field"] == "display_name"
    assert "Rachel Okafor" in response.json()["error"]["message"]


def test_form_sign_up_refuses_a_byline(client):
    # The case: a reader signed up under the blogger's name.
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "display_name": "Danie1 Brennan", "password": PASSWORD},
    )
    assert response.status_code == 200
    assert "looks too much like" in response.content.decode()
    assert not get_user_model().objects.filter(email="new@example.com").exists()


def test_rename_to_a_byline_is_refused(client):
    kwame = user("kwame@example.com")
    client.force_login(kwame)
    response = client.post("/accounts/settings/", {"display_name": "Ousmane Traoré"})
    assert response.status_code == 200
    assert "byline of the newsroom" in response.content.decode()
    kwame.refresh_from_db()
    assert kwame.display_name == "Kwame Mensah"


def test_adding_a_byline_reserves_it_at_once():
    author = Author.objects.create(name="Tomasz Wielgosz", slug="tomasz-wielgosz")
    assert refusal("Tomasz Wielgosz").code == "display_name_taken"
    assert refusal("Tomasz Wie1gosz").code == "display_name_confusable"
    assert AuditEntry.objects.filter(action="byline.reserve", target_id=str(author.pk)).exists()


def test_renaming_a_byline_moves_the_reservation():
    author = Author.objects.get(slug="rachel-okafor")
    author.name = "Rachel Okafor-Mensah"
    author.save()
    assert refusal("Rachel Okafor Mensah").code == "display_name_confusable"
    assert sign_up("Rachel Okafor").display_name == "Rachel Okafor"


def test_deleting_a_byline_frees_its_name():
    Author.objects.get(slug="rachel-okafor").delete()
    assert sign_up("Rachel Okafor").display_name == "Rachel Okafor"


def test_a_bylined_writer_may_take_their_own_byline():
    daniel = user("daniel@dateline.invalid")
    actions.change_display_name(daniel, "Dan Brennan")
    actions.change_display_name(daniel, "Daniel Brennan")
    assert daniel.display_name == "Daniel Brennan"


def test_another_bylined_writer_may_not(moderator):
    amina = user("amina@example.com")
    actions.link_byline(
        user=amina, author=Author.objects.get(slug="rachel-okafor"), actor=moderator
    )
    with pytest.raises(ValidationError) as error:
        actions.change_display_name(amina, "Daniel Brennan")
    assert error.value.code == "display_name_taken"


# Readers who held a byline's name before it was added


def test_a_reader_already_holding_a_new_byline_is_flagged():
    reader = sign_up("Tomasz Wielgosz")
    assert name_conflicts() == {}
    author = Author.objects.create(name="Tomasz Wielgоsz", slug="tomasz-wielgosz")  # Cyrillic о
    assert name_conflicts() == {reader.pk: "Tomasz Wielgоsz"}
    assert name_conflicts(user_ids=[reader.pk, user("amina@example.com").pk]) == {
        reader.pk: "Tomasz Wielgоsz"
    }
    assert name_conflicts(user_ids=[user("amina@example.com").pk]) == {}
    flag = AuditEntry.objects.get(action="account.name_conflict")
    assert (flag.target_type, flag.target_id) == ("accounts.user", str(reader.pk))
    assert flag.data == {"byline": author.pk, "name": "Tomasz Wielgоsz"}


def test_saving_a_byline_again_flags_once():
    sign_up("Tomasz Wielgosz")
    author = Author.objects.create(name="Tomasz Wielgosz", slug="tomasz-wielgosz")
    author.bio = "Reports from Beirut."
    author.save()
    assert AuditEntry.objects.filter(action="account.name_conflict").count() == 1


def test_the_flag_ends_when_the_reader_is_linked_or_renamed(moderator):
    reader = sign_up("Tomasz Wielgosz")
    author = Author.objects.create(name="Tomasz Wielgosz", slug="tomasz-wielgosz")
    actions.link_byline(user=reader, author=author, actor=moderator)
    assert name_conflicts() == {}
    actions.link_byline(user=reader, author=None, actor=moderator)
    assert name_conflicts() == {reader.pk: "Tomasz Wielgosz"}
    actions.change_display_name(reader, "Tomasz W.")
    assert name_conflicts() == {}


def test_the_demo_blogger_is_no_conflict():
    assert user("daniel@dateline.invalid").byline.slug == "daniel-brennan"
    assert name_conflicts() == {}


def test_name_conflicts_of_a_page_of_writers_is_one_query(django_assert_num_queries):
    ids = list(get_user_model().objects.values_list("pk", flat=True))
    with django_assert_num_queries(1):
        name_conflicts(user_ids=ids)


# Staff names


def test_staff_names_are_reserved():
    assert refusal("Desk Moderator").code == "display_name_taken"
    assert refusal("Desk M0derat0r").code == "display_name_confusable"
    assert refusal("Desk Edit0r").code == "display_name_confusable"
    assert refusal("Site Admln").code == "display_name_confusable"


def test_a_new_staff_members_name_is_reserved():
    get_user_model().objects.create_user(
        username="night", email="night@dateline.invalid", display_name="Night Desk", is_staff=True
    )
    assert "Night Desk" in refusal("Nlght Desk").messages[0]


# Linking an account to a byline


def test_linking_a_byline_is_for_staff_and_audited(moderator):
    amina = user("amina@example.com")
    author = Author.objects.get(slug="rachel-okafor")
    with pytest.raises(PermissionDenied):
        actions.link_byline(user=amina, author=author, actor=user("george@example.com"))
    actions.link_byline(user=amina, author=author, actor=moderator)
    amina.refresh_from_db()
    assert amina.byline == author
    entry = AuditEntry.objects.get(action="account.link_byline")
    assert entry.actor == moderator and entry.data == {"old": None, "new": author.pk}


def test_a_byline_belongs_to_one_account(moderator):
    amina = user("amina@example.com")
    with pytest.raises(ValidationError) as error:
        actions.link_byline(
            user=amina, author=Author.objects.get(slug="daniel-brennan"), actor=moderator
        )
    assert error.value.code == "byline_taken"
    amina.refresh_from_db()
    assert amina.byline is None


# Badges under a story


@pytest.fixture
def writers():
    return {
        "daniel": user("daniel@dateline.invalid"),  # verified, bylined on the blog
        "moderator": user("moderator@dateline.invalid"),  # staff
        "amina": user("amina@example.com"),  # verified
        "george": user("george@example.com"),  # no badge
    }


def ids(writers):
    return [person.pk for person in writers.values()]


def test_badges_on_the_writers_own_story(writers):
    post = BlogPostPage.objects.filter(bylines__slug="daniel-brennan").first()
    assert badges_for(user_ids=ids(writers), story=post) == {
        writers["daniel"].pk: "author",
        writers["moderator"].pk: "staff",
        writers["amina"].pk: "verified",
    }


def test_no_author_badge_on_someone_elses_story(writers):
    article = ArticlePage.objects.exclude(bylines__slug="daniel-brennan").first()
    assert badges_for(user_ids=ids(writers), story=article)[writers["daniel"].pk] == "verified"


def test_a_bylined_staff_member_is_the_author_on_their_story(writers, moderator):
    post = BlogPostPage.objects.filter(bylines__slug="daniel-brennan").first()
    actions.link_byline(user=writers["daniel"], author=None, actor=moderator)
    actions.link_byline(
        user=writers["moderator"], author=Author.objects.get(slug="daniel-brennan"), actor=moderator
    )
    badges = badges_for(user_ids=ids(writers), story=post)
    assert badges[writers["moderator"].pk] == "author"
    assert badges[writers["daniel"].pk] == "verified"


def test_a_page_of_ten_thousand_comments_costs_one_query(writers, django_assert_num_queries):
    post = BlogPostPage.objects.filter(bylines__slug="daniel-brennan").first()
    generic = Page.objects.get(pk=post.pk)  # what a comment's `page` is
    writer_ids = ids(writers) * 2500  # one id per comment: 10,000
    with django_assert_num_queries(1):
        badges = badges_for(user_ids=writer_ids, story=generic)
    assert badges[writers["daniel"].pk] == "author"
    with django_assert_num_queries(1):
        assert badges_for(user_ids=set(writer_ids), story=post) == badges


def test_author_name_shows_the_badge_it_is_given(writers):
    template = Template("{% load account_tags %}{% author_name person badge=badge %}")
    html = template.render(Context({"person": writers["daniel"], "badge": "author"}))
    assert '<span class="badge badge--author">Author</span>' in html
    html = template.render(Context({"person": writers["george"], "badge": ""}))
    assert "badge" not in html
    plain = Template("{% load account_tags %}{% author_name person %}")
    html = plain.render(Context({"person": writers["moderator"]}))
    assert '<span class="badge badge--staff">Staff</span>' in html


def test_a_byline_added_in_the_cms_is_reserved(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    response = client.post(
        "/cms/snippets/newsroom/author/add/",
        {"name": "Tomasz Wielgosz", "slug": "tomasz-wielgosz", "role": "", "outlet": "", "bio": ""},
    )
    assert response.status_code == 302
    assert refusal("Tomasz Wie1gosz").code == "display_name_confusable"
    author = Author.objects.get(slug="tomasz-wielgosz")
    response = client.post(
        f"/cms/snippets/newsroom/author/edit/{author.pk}/",
        {"name": "Tomasz Kowal", "slug": "tomasz-wielgosz", "role": "", "outlet": "", "bio": ""},
    )
    assert response.status_code == 302
    assert refusal("Tomasz Kowal").code == "display_name_taken"
    assert sign_up("Tomasz Wielgosz").display_name == "Tomasz Wielgosz"
