"""Display names keep to one script or to a safe mix (Unicode TR39 "highly restrictive")."""

import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from dateline.accounts.names import clean_display_name, is_highly_restrictive
from dateline.core.folding import script_of

SAFE = [
    "Kwame Mensah",
    "Sam 1984",  # digits go with any script
    "Hélène Marchand",
    "O'Brien-Smith Jr.",
    "Ахмед Петров",
    "أحمد",
    "أحمد 2",
    "Ελένη",
    "山田はなこ",  # Han and Hiragana
    "ヤマダ タロウー",  # Katakana with the prolonged sound mark (Common)
    "山田 タロウ Yamada",  # Han, Katakana and Latin
    "王小明 Wang",  # Han and Latin
    "陳ㄅㄆ",  # Han and Bopomofo
    "김민준 Kim",  # Hangul and Latin
    "金민준",  # Han and Hangul
    "ＧｅｏｒｇｅＰａｔｔｏｎ",  # full-width Latin is still Latin
]

MIXED = [
    ("Kwame Mensаh", "Cyrillic and Latin"),  # one Cyrillic а
    ("Amina Коulibaly", "Cyrillic and Latin"),
    ("Ελένη Jones", "Greek and Latin"),
    ("Ahmed أحمد", "Arabic and Latin"),
    ("はなこ 한", "Hangul and Hiragana"),
    ("ㄅㄆ 한", "Bopomofo and Hangul"),
    ("ㄅ タロウ", "Bopomofo and Katakana"),
]


def test_script_of_reads_the_unicode_data():
    assert script_of("A") == "Latin"
    assert script_of("а") == "Cyrillic"
    assert script_of("1") == "Common"
    assert script_of("\u0301") == "Inherited"
    assert script_of("山") == "Han"
    assert script_of("\U0010fffd") == "Unknown"  # a private-use code point: in no script


def test_letters_are_in_the_script_their_names_give():
    """The data file agrees with the character names Python ships, script by script."""
    scripts = {
        "LATIN ": "Latin",
        "CYRILLIC ": "Cyrillic",
        "HIRAGANA ": "Hiragana",
        "KATAKANA ": "Katakana",
        "HANGUL ": "Hangul",
        "CJK UNIFIED IDEOGRAPH": "Han",
        "BOPOMOFO ": "Bopomofo",
    }
    checked, wrong = set(), []
    for point in range(0x30000):
        ch = chr(point)
        if unicodedata.category(ch)[0] != "L":
            continue
        name = unicodedata.name(ch, "")
        for prefix, script in scripts.items():
            if name.startswith(prefix):
                checked.add(script)
                if script_of(ch) != script:
                    wrong.append(name)
    assert checked == set(scripts.values())
    assert wrong == []


def test_combining_marks_go_with_any_script():
    assert is_highly_restrictive("He\u0301le\u0300ne")  # Latin with Inherited accents
    assert is_highly_restrictive("Пе\u0301тр")  # Cyrillic with the same accent


@pytest.mark.parametrize("name", SAFE)
def test_single_scripts_and_safe_mixes_pass(name):
    assert is_highly_restrictive(name)
    assert clean_display_name(name)


@pytest.mark.parametrize(("name", "scripts"), MIXED)
def test_mixed_scripts_are_refused_with_a_clear_message(name, scripts):
    assert not is_highly_restrictive(name)
    with pytest.raises(ValidationError) as error:
        clean_display_name(name)
    assert error.value.code == "display_name_invalid"
    message = error.value.messages[0]
    assert message.startswith("Use letters from one alphabet")
    assert f"mixes {scripts} letters" in message


@pytest.mark.django_db
class TestSignUpAndRename:
    PASSWORD = "a long test passphrase"

    def api_signup(self, client, name):
        return client.post(
            "/api/v1/auth/signup",
            {"email": "new@example.com", "password": self.PASSWORD, "display_name": name},
            content_type="application/json",
        )

    def test_api_sign_up_refuses_a_mixed_name(self, client):
        response = self.api_signup(client, "Fresh Rеader")  # Cyrillic е
        assert response.status_code == 400
        error = response.json()["error"]
        assert (error["code"], error["field"]) == ("display_name_invalid", "display_name")
        assert "one alphabet" in error["message"]
        assert not get_user_model().objects.filter(email="new@example.com").exists()

    def test_api_sign_up_takes_a_japanese_name(self, client):
        response = self.api_signup(client, "山田はなこ")
        assert response.status_code == 201
        assert response.json()["user"]["display_name"] == "山田はなこ"

    def test_form_sign_up_refuses_a_mixed_name(self, client):
        response = client.post(
            "/accounts/signup/",
            {"email": "new@example.com", "display_name": "Fresh Rеader", "password": self.PASSWORD},
        )
        assert response.status_code == 200
        assert "Use letters from one alphabet" in response.content.decode()
        assert not get_user_model().objects.filter(email="new@example.com").exists()

    def test_form_sign_up_takes_a_latin_name_with_digits(self, client):
        response = client.post(
            "/accounts/signup/",
            {"email": "new@example.com", "display_name": "Reader 1984", "password": self.PASSWORD},
        )
        assert response.status_code == 302
        assert get_user_model().objects.get(email="new@example.com").display_name == "Reader 1984"

    def test_rename_to_a_mixed_name_is_refused(self, client):
        # The case: Kwame renamed himself with a Cyrillic а, and it was accepted.
        kwame = get_user_model().objects.get(email="kwame@example.com")
        client.force_login(kwame)
        response = client.post("/accounts/settings/", {"display_name": "Kwame Mensаh"})
        assert response.status_code == 200
        assert "Use letters from one alphabet" in response.content.decode()
        kwame.refresh_from_db()
        assert kwame.display_name == "Kwame Mensah"

    def test_rename_to_a_safe_mix_is_taken(self, client):
        kwame = get_user_model().objects.get(email="kwame@example.com")
        client.force_login(kwame)
        response = client.post("/accounts/settings/", {"display_name": "Kwame 山田"})
        assert response.status_code == 302
        kwame.refresh_from_db()
        assert kwame.display_name == "Kwame 山田"
