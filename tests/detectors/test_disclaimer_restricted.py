"""DISCLAIMER's exclusions naming the EU/EEA: restricted-country lists in any language, investor restrictions."""

from __future__ import annotations

from detectors.restricted_countries import discusses_the_rule, exclusions


def _found(text: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(e.what, e.states) for e in exclusions(text)}


def test_list_naming_member_states_in_several_languages():
    assert _found("Restricted countries: Cuba, Iran, Denmark.") == {("restricted-country list", ("DK",))}
    assert _found("Nicht verfügbar in: Österreich, Kuba, Iran.") == {("restricted-country list", ("AT",))}
    assert _found("Juridictions restreintes : Belgique, Iran.") == {("restricted-country list", ("BE",))}
    assert _found("Exness tidak menerima klien yang merupakan penduduk dari: Jerman, Kanada.") == {
        ("restricted-country list", ("DE",))}
    # The firm's Tagalog and Ukrainian pages list the same countries under their own heading.
    assert _found("Kabilang sa listahan ng mga Ipinagbabawal na hurisdiksyon ang: Albania, Malta, Iran.") == {
        ("restricted-country list", ("MT",))}
    assert _found("Заборонені юрисдикції: Куба, Іран, Malta.") == {("restricted-country list", ("MT",))}


def test_list_without_member_states_is_no_exclusion_of_eu_clients():
    assert _found("Restricted jurisdictions: Cuba, Iran, North Korea, Syria, United States.") == set()
    assert _found("Mga ipinagbabawal na hurisdiksyon: Albania, Iran, Syria, USA.") == set()


def test_investor_restriction_needs_the_eu_on_its_line():
    assert _found("EU/EEA: only to qualified investors.") == {("investor restriction", ())}
    assert _found("Users from France must be professional investors.") == {("investor restriction", ("FR",))}
    assert _found("Singapore: accredited investors only.") == set()


def test_an_article_about_the_rule_is_recognised():
    assert discusses_the_rule("Article 61 of MiCA and the ESMA guidelines on reverse solicitation ...")
    assert not discusses_the_rule("Our services are not available to EU residents.")


def test_markers_of_two_kinds_make_an_article_about_the_rule_in_any_language():
    # A regulator's note in Czech or Slovene: the article of the rule, the guidelines, firms from third countries.
    assert discusses_the_rule("Sdělení k pokynům: podle čl. 61 nařízení MiCA smí podnik ze třetí země ...")
    assert discusses_the_rule("Smernice ESMA pojasnjujejo, kdaj podjetje iz tretje države aktivno išče stranke.")
    assert discusses_the_rule("Naša advokátska kancelária vysvetľuje článok 61 nariadenia.")  # lawyers, the article
    # A firm's own MiCA page names the regulation twice (one kind): its own exclusion still counts.
    own_page = ("MiCAR, the Markets in Crypto-Assets Regulation, sets the rules. Our global platform is not "
                "available to EEA residents.")
    assert not discusses_the_rule(own_page)
    assert _found(own_page) == {("exclusion of the EU/EEA", ())}
    # Near miss: one lawyer's name twice is one kind too ("Rechtsanwalt", "Rechtsanwälte").
    assert not discusses_the_rule("Unsere Rechtsanwälte beraten Sie; Rechtsanwalt Muster leitet das Team.")


def test_an_opener_lists_the_states_of_its_own_sentence():
    assert _found("Not available in: United States, Canada, Denmark.") == {("restricted-country list", ("DK",))}
    assert _found("This service is not available in Denmark, Ireland and the United States.") == {
        ("restricted-country list", ("DK", "IE"))}
    assert _found("Non disponible en : Belgique, Iran, Corée du Nord.") == {("restricted-country list", ("BE",))}
    assert _found("Not available in:\n• Belarus\n• Ireland\n• Malta\n\nAbout us") == {
        ("restricted-country list", ("IE", "MT"))}


def test_an_opener_reaches_no_further_than_its_list():
    # A single state in prose is no list; nor is a country named in the next sentence or after the paragraph.
    assert _found("The feature is not available in Germany yet.") == set()
    assert _found("Apple Pay is not available in your region. Our offices: London, Dublin (Ireland), Berlin.") == set()
    assert _found("Not available in: Cuba, Iran.\n\nOffices: Dublin, Ireland; Paris, France.") == set()


def test_a_table_of_restricted_locations_names_its_member_states():
    table = ("The following locations are restricted from trading perpetual futures:\nCountry / Region | ISO Code |\n"
             "Afghanistan | AFG |\nAustria | AUT |\nCaribbean Netherlands | BES |\nCuba | CUB |")
    assert _found(table) == {("restricted-country list", ("AT",))}


def test_the_target_market_and_the_area_in_more_wordings():
    assert _found("Privatanleger im EWR gehören nicht zum Zielmarkt.") == {("investor restriction", ())}
    assert _found("Particuliere beleggers in de EER behoren niet tot de doelmarkt.") == {("investor restriction", ())}
    assert _found("Usługi nie są skierowane do osób z EOG.") == {("exclusion of the EU/EEA", ())}
    # Without the area named, a target-market line is a product's, not an exclusion of the Union's clients.
    assert _found("Privatanleger gehören nicht zum Zielmarkt dieses Produkts.") == set()


def test_a_place_whose_name_ends_in_a_member_states_is_not_that_state():
    # "Island" is Iceland in German and the Norse languages; "Heard Island" is an Australian territory.
    text = "List of restricted regions: American Samoa, Heard Island and McDonald Islands, Antarctica."
    assert _found(text) == set()
    assert _found("Nicht verfügbar in: Kuba, Island, Iran.") == {("restricted-country list", ("IS",))}
    # A list set off by spaces alone still names each state.
    assert _found("Restricted countries: Cuba Iran Denmark") == {("restricted-country list", ("DK",))}


def test_the_following_countries_refused_is_a_restricted_list():
    assert _found("Igrači iz sljedećih država nisu prihvaćeni: Sjedinjene Američke Države, Belgija, Irska.") == {
        ("restricted-country list", ("BE", "IE"))}
    assert _found("A játékosok regisztrációját a következő országokból nem tudjuk elfogadni: Afganisztán, "
                  "Belgium, Csehország.") == {("restricted-country list", ("BE", "CZ"))}
    assert _found("Players from the following countries are not accepted: United States, France.") == {
        ("restricted-country list", ("FR",))}


def test_the_following_countries_unrefused_lists_where_a_service_is_offered():
    assert _found("Our programme is available in the following countries: Belgium, France, Germany.") == set()
    assert _found("Igrači iz sljedećih država mogu se registrirati: Belgija, Irska.") == set()


def test_eligibility_limited_to_countries_outside_the_union_excludes_it():
    eligibility = ("eligibility outside the EU/EEA", ())
    assert _found("The Platform is available only to residents located in Australia.") == {eligibility}
    assert _found("Ces pages s'adressent aux investisseurs dont le domicile est situé en Suisse.") == {eligibility}
    assert _found("Klient musi być obywatelem jednego z niżej wymienionych państw:\n  Wielka Brytania.\n") == {
        eligibility}


def test_access_granted_only_to_residents_of_a_country_outside_the_union_excludes_it():
    eligibility = ("eligibility outside the EU/EEA", ())
    # The conditions after the colon: age, residence, capacity.
    assert _found("Accounts will only be granted to persons who are: (a) adults; (b) living in Brazil; (c) able.") == {
        eligibility}
    assert _found("Le jeu est ouvert uniquement aux personnes résidant en Suisse.") == {eligibility}
    assert _found("Toegang wordt alleen verleend aan klanten die in Noorwegen wonen.") == set()  # Norway is EEA
    assert _found("Accounts will only be granted to persons who passed our checks.") == set()  # no country named


def test_eligibility_naming_a_member_state_is_an_offer_to_it():
    assert _found("This service is available only to residents of Germany and Austria.") == set()
    assert _found("Ces pages s'adressent aux investisseurs dont le domicile est situé en France.") == set()
    assert _found("The offer is available only to residents, subject to checks.") == set()  # no country named


def test_an_exclusive_restriction_to_professional_investors_needs_no_union_named():
    assert _found("This site is intended for professional investors only.") == {("investor restriction", ())}
    assert _found("Réservé aux investisseurs professionnels.") == {("investor restriction", ())}
    assert _found("Professional investors may also use the app.") == set()


def test_an_only_word_before_an_investor_term_makes_it_exclusive():
    assert _found("Please note that the firm only offers trading services to professional clients.") == {
        ("investor restriction", ())}
    assert _found("Das Angebot richtet sich ausschließlich an professionelle Kunden.") == {("investor restriction", ())}
    # Near misses: "not only" widens the offer; "only" before a figure is a statistic; another clause's "only".
    assert _found("Das Angebot richtet sich nicht nur an professionelle Kunden.") == set()
    assert _found("Only 5 % of professional investors hold bitcoin.") == set()
    assert _found("We only charge a flat fee, and professional clients may ask for a discount.") == set()


def test_information_targeted_at_professional_investors_restricts_them():
    assert _found("The following information is targeted at professional investors.") == {("investor restriction", ())}
    assert _found("Ce document est destiné aux investisseurs professionnels.") == {("investor restriction", ())}
    # Near misses: aimed at retail investors; professional investors only described
    assert _found("Our research is aimed at retail investors.") == set()
    assert _found("Professional investors often hold bitcoin in cold storage.") == set()


def test_a_restricted_list_ends_at_a_heading_of_countries_served():
    page = ("List of prohibited countries for clients\nCountry name\nIran\n(IRN)\nSyria\n(SYR)\n"
            "List of supported countries for card delivery\nAustria\n(AUT)\nBelgium\n(BEL)\n")
    assert _found(page) == set()
    # near miss: a member state in the prohibited list itself still counts, and the served list adds none
    assert _found(page.replace("Syria\n", "Syria\nDenmark\n")) == {("restricted-country list", ("DK",))}
    assert _found("Eingeschränkte Länder: Iran, Kuba.\nUnterstützte Länder: Österreich, Deutschland.") == set()


def test_users_not_permitted_from_the_countries_listed_below():
    page = ("Users located in the countries listed below are not permitted to use our services.\n\n"
            "KYC is required for rewards only.\n\n### Location Restrictions\n\n"
            "| Canada | Mali |\n| Belarus | Cyprus |\n")
    assert _found(page) == {("restricted-country list", ("CY",))}
    # near miss: a rule with no country list after it
    assert _found("You are not permitted to use the service for unlawful purposes. Our office is in Cyprus.") == set()


def test_a_promotion_held_in_all_countries_but_some_excludes_those_named():
    """A campaign's territory clause ("held in all countries, with the exception of ...") lists where it is not
    offered; with no member state in the list it excludes no EU client."""
    held = "The Promotion is held on the territory of all countries, with the exception of Iran, Spain, the USA."
    assert _found(held) == {("restricted-country list", ("ES",))}
    assert _found("The Promotion is conducted in all countries except Iran, Syria and the USA.") == set()
    # the same clause in other languages
    assert _found("La promoción se celebra en todos los países excepto: Estados Unidos, Alemania, Francia.") == {
        ("restricted-country list", ("DE", "FR"))}
    assert _found("L'opération est ouverte dans tous les pays sauf la Belgique et le Canada.") == {
        ("restricted-country list", ("BE",))}


def test_a_promotion_that_excludes_residents_of_listed_jurisdictions_names_them():
    text = "This promotion excludes residents from the following jurisdictions: Cuba, Iran, Switzerland and Malta."
    assert _found(text) == {("restricted-country list", ("MT",))}
    assert _found("Entry is open to all, excluding residents of Cuba, Syria and the United States.") == set()


def test_terms_that_do_not_apply_to_residents_of_the_eea_exclude_them():
    assert _found("These Terms of Service do not apply to residents of the EEA or the United Kingdom.") == {
        ("exclusion of the EU/EEA", ())}
    # near miss: a fee that does not apply names no one excluded
    assert _found("The withdrawal fee does not apply to deposits made by card.") == set()


def test_a_starred_word_inside_a_phrase_takes_any_ending():
    """"není dostupn* v následujících zemích": the * ends its word, not only the phrase; Polish lists its forms, as a
    phrase is looked up by its first word."""
    assert _found("Služba není dostupná v následujících zemích: Francie, USA.") == {
        ("restricted-country list", ("FR",))}
    assert _found("Karta niedostępna w następujących jurysdykcjach: Chorwacja, Islandia.") == {
        ("restricted-country list", ("HR", "IS"))}


def test_no_retail_users_excludes_retail_clients_by_itself():
    # An eligibility page's heading; near miss: retail users named as welcome, and retail named as a market segment
    assert _found("No Retail Users\nClients must be professional clients or accredited investors.") == {
        ("investor restriction", ())}
    assert _found("Keine Privatanleger: das Produkt richtet sich an Unternehmen.") == {("investor restriction", ())}
    assert _found("Retail users are welcome: open an account in minutes.") == set()
    assert _found("The retail market grew by 12 % last year.") == set()


def test_no_new_customers_from_member_states_lists_them():
    text = "Since 1 November, no new customers will be permitted from Germany, Spain, or Italy until we are licensed."
    assert _found(text) == {("restricted-country list", ("DE", "ES", "IT"))}
    # near miss: no new customers for a while, no country named
    assert _found("We accept no new customers this month while we upgrade our systems.") == set()


def test_a_promotion_open_only_to_customers_based_outside_the_union_excludes_it():
    assert _found("The referral promotion is eligible only to customers based in Switzerland.") == {
        ("eligibility outside the EU/EEA", ())}
    # near miss: customers based in a member state are its market, not excluded
    assert _found("The referral promotion is eligible only to customers based in Austria.") == set()


def test_the_following_countries_refused_before_a_later_colon_and_a_blank_line():
    # The refusal ("can't be used") comes before the phrase, the colon after a clause, the items after a blank line
    text = ("The app can’t be used with bank accounts registered in the following high risk countries because of "
            "KYC rules:\n\n  • Belarus\n  • Ireland\n  • Malta\n\n"
            "No, you can’t buy other coins. Our office is in Austria.")
    assert _found(text) == {("restricted-country list", ("IE", "MT"))}
    # near miss: the same list unrefused names where the app works
    assert _found(text.replace("can’t be used", "works")) == set()


def test_an_exclusion_in_the_future_or_as_ineligibility_names_the_union_after_it():
    exclusion = {("exclusion of the EU/EEA", ())}
    assert _found("The staking launchpad will not be available for EEA users.") == exclusion
    assert _found("Dieser Bereich wird für Kunden in der EU nicht verfügbar sein.") == exclusion
    assert _found("La nueva función no estará disponible para usuarios del EEE.") == exclusion
    assert _found("The launchpad will not be available for users on older phones.") == set()


def test_the_union_as_the_subject_of_its_exclusion():
    """"EU residents are not eligible": the union named in the clause the exclusion ends excludes it; named in an
    earlier clause ("available across the EU, but ...") it does not."""
    exclusion = {("exclusion of the EU/EEA", ())}
    assert _found("Residents of the European Union cannot participate in the trading cup.") == exclusion
    assert _found("EEA residents are not eligible for the welcome reward.") == exclusion
    assert _found("Les clients résidant dans l'UE ne sont pas éligibles au programme.") == exclusion
    assert _found("I clienti con residenza nell'UE non possono partecipare all'iniziativa.") == exclusion
    assert _found("Our debit card works across the EU, but it is not available in Canada.") == set()
    assert _found("Since the EU rules took effect, the old dashboard is not available.") == set()
    assert _found("Clients in the EEA trade all day; withdrawals are restricted to verified accounts.") == set()
    assert _found("The savings account is restricted to residents of the EEA.") == set()  # limited to the Union
    assert _found("The savings account is restricted to residents of the EEA and Switzerland.") == set()


def test_a_list_of_high_risk_countries_is_no_exclusion():
    # A two-column table read row by row: the second column (due diligence, not excluded) is no restricted list.
    table = ("Prohibited countries | High-risk countries (enhanced checks) |\nCuba | Latvia |\nIran | Panama |\n"
             "North Korea | Slovakia |")
    assert _found(table) == set()
    # The excluded states before the heading of high-risk ones still count.
    lists = "Prohibited countries:\nCuba\nEstonia\nIran\n\nHigh-risk countries:\nLatvia\nPanama"
    assert _found(lists) == {("restricted-country list", ("EE",))}
