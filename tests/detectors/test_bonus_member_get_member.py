"""BONUS: the roles a member-get-member programme names -- the one who brings a client and the client brought
(introducer and introducee, referent, presentatore, padrino and ahijado, padrinho and afilhado) -- are its trigger,
as "invite a friend" is: a reward and a verb of getting beside them offer. The roles without a reward offer nothing."""

from __future__ import annotations

import pytest

from detectors.incentives import offers


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The introducer and the introducee both receive a reward once the account is approved."),
    ("en", "As an introducer you earn a reward for each approved account."),
    ("nl", "De referent ontvangt de vergoeding zodra de introducee drie transacties heeft gedaan."),
    ("it", "Il presentatore riceverà il premio entro sessanta giorni."),
    ("es", "El padrino recibirá su recompensa cuando se cumplan las condiciones."),
    ("pt", "O padrinho recebe a recompensa quando as condições forem cumpridas."),
])
def test_a_reward_for_the_roles_of_a_member_get_member_programme_is_offered(language, sentence):
    found, _ = offers(sentence, (language,))
    assert [incentive.language for incentive in found] == [language]


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "The introducee must open an account within three months."),  # a condition, no reward
    ("nl", "De referent blijft verantwoordelijk voor de gegevens die hij doorgeeft."),
    ("it", "Il presentatore del programma televisivo ha ricevuto molte critiche."),  # a host, no reward
    ("es", "El padrino de la boda recibió muchos aplausos."),
])
def test_the_roles_without_a_reward_offer_nothing(language, sentence):
    assert offers(sentence, (language,))[0] == ()
