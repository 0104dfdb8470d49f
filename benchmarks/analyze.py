#!/usr/bin/env python3
"""Detector throughput (issue 2): footprint's pipeline against a naive baseline, pages per second on one core.

A seeded generator writes a corpus of multilingual crypto-marketing pages (18 locales, 20-60 KiB each, with the
inline CSS/JS, JSON-LD, hreflang, mega-menus, price tables and legal footers of real exchange sites). Two
pipelines then analyse every page:

- footprint: `build_document` (selectolax/lexbor) + `analyze_documents` (every active detector; LANG by
  py3langid);
- baseline, written the way a newcomer would: BeautifulSoup(html, "html.parser") for the same fields, langdetect
  (seeded) for the text language, and footprint's own compiled rules (phrase lexicons with the same negation and
  quote filter, currency, payment, phone, affiliate, hreflang) on what it extracted. Only parsing and language
  identification differ; footprint also runs SEO, DOMAIN and the language-switcher check and builds Finding
  objects, which the baseline skips (so the comparison, if anything, flatters the baseline).

Both are warmed up (models loaded, lexicons compiled), then timed over the whole corpus with time.perf_counter,
best of N runs (the two pipelines alternating), in this one process pinned to one CPU (BLAS threads limited to 1).
The last line of the output is `ratio: <footprint pages/s / baseline pages/s>`.

    .venv/bin/python benchmarks/analyze.py [--pages 300] [--runs 3] [--quick] [--seed N] [--stages] [--profile]
"""
# The corpus sentences below are real text in 18 languages, one string per line: long lines are the point.
# ruff: noqa: E501

from __future__ import annotations

import argparse
import gc
import html
import json
import os
import platform
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FETCHED_AT = "2025-01-15T10:00:00Z"
FAMILIES = ("PROMO", "BONUS", "DISCLAIMER", "AFFILIATE", "CURRENCY", "PAYMENT", "PHONE", "HREFLANG")

# ---------------------------------------------------------------------------------------------------------------
# Corpus: what each locale's pages say. Lists are "|"-separated; features and FAQ entries are "title|text".
# ---------------------------------------------------------------------------------------------------------------

LANGS: dict[str, dict] = {
    "en": dict(
        locale="en", og="en_US", path="", endonym="English", region="US", currency="USD", money=("en", "${n}"),
        rails="SEPA, Trustly",
        nav="Markets|Buy Crypto|Trade|Earn|Learn|Fees|Security|Support|Log in|Sign up",
        hero_title="The simplest way to buy bitcoin and 200+ cryptocurrencies|Trade crypto with confidence, wherever you are",
        hero_text="Join more than 12 million customers who buy, sell and store digital assets on a platform built for security.|Start with as little as $10 and get your first order filled in seconds, day or night.",
        cta="Sign up now|Buy bitcoin|Download the app",
        features=[
            "Low fees, no surprises|Pay a flat trading fee from 0.10% and see the full cost before you confirm. There are no hidden spreads on market orders.",
            "Your assets, protected|We keep 95% of customer funds in offline cold storage and insure the rest against theft. Two-factor authentication is on by default.",
            "Earn while you hold|Stake Ethereum, Solana and Polkadot directly from your wallet and receive rewards every week.",
            "Built for active traders|Advanced charts, limit and stop orders and a low-latency API give you full control over every trade.",
        ],
        bonus="Get a welcome bonus of $25 in bitcoin when you make your first deposit this month.|Refer a friend and you both receive a referral bonus once they complete their first trade.",
        steps_title="Get started in three steps",
        steps="Create your free account with your email address.|Verify your identity in a few minutes with a photo ID.|Add funds by bank transfer or card and place your first order.",
        faq_title="Frequently asked questions",
        faq=[
            "Is my money safe?|Customer funds are held separately from company funds and most assets are kept in cold storage.",
            "How long does a deposit take?|Card payments arrive instantly, bank transfers usually within one business day.",
            "Which coins can I buy?|You can buy bitcoin, Ethereum, Solana and more than two hundred other digital assets.",
        ],
        markets_title="Today's crypto prices", table="Asset|Price|24h change|Market cap",
        fees_title="Transparent fees", fee_labels="Trading fee|Bank transfer deposit|Card purchase|Crypto withdrawal",
        payments="Deposit with {rails}, Visa or Mastercard and Apple Pay.",
        security="Our security team monitors the platform around the clock. Withdrawals to new addresses are held for 24 hours unless you confirm them by email.",
        partner="Join our affiliate program and earn commission on every trade your referrals make.",
        disclaimer="Our services are not available to EU residents; we only serve clients who contacted us on their own initiative.",
        risk="Cryptoassets are highly volatile and you could lose all the money you invest. Past performance is not a reliable indicator of future results.",
        company="{brand} is a trading name of {brand} Ltd, registered in Seychelles under company number 8123456.",
        cookie="We use cookies to improve your experience and to analyse our traffic.|Accept all",
        footer="Company|Products|Legal|Help",
        legal_links="Terms of Use|Privacy Policy|Cookie Policy|Risk Disclosure|Complaints",
        newsletter="Get market news in your inbox every Friday.|Your email address",
    ),
    "de": dict(
        locale="de-DE", og="de_DE", path="de", endonym="Deutsch", region="DE", currency="EUR", money=("de", "{n} €"),
        rails="SEPA-Überweisung, Sofortüberweisung, Klarna",
        nav="Märkte|Krypto kaufen|Handeln|Verdienen|Lernen|Gebühren|Sicherheit|Hilfe|Anmelden|Registrieren",
        hero_title="Bitcoin kaufen – einfach, sicher und in Sekunden|Kryptowährungen handeln mit einer regulierten Plattform",
        hero_text="Über 12 Millionen Kundinnen und Kunden kaufen, verkaufen und verwahren digitale Vermögenswerte bei uns.|Schon ab 10 Euro investieren und die erste Order rund um die Uhr in wenigen Sekunden ausführen.",
        cta="Jetzt registrieren|Bitcoin kaufen|App herunterladen",
        features=[
            "Niedrige Gebühren ohne Überraschungen|Sie zahlen eine feste Handelsgebühr ab 0,10 % und sehen die vollständigen Kosten vor jeder Bestätigung. Bei Marktorders gibt es keine versteckten Spreads.",
            "Ihre Vermögenswerte sind geschützt|Wir verwahren 95 % der Kundengelder offline in Cold Storage und versichern den Rest gegen Diebstahl. Die Zwei-Faktor-Authentifizierung ist standardmäßig aktiviert.",
            "Verdienen Sie, während Sie halten|Staken Sie Ethereum, Solana und Polkadot direkt aus Ihrer Wallet und erhalten Sie jede Woche Belohnungen.",
            "Für aktive Trader gebaut|Professionelle Charts, Limit- und Stop-Orders sowie eine schnelle API geben Ihnen volle Kontrolle über jeden Trade.",
        ],
        bonus="Sichern Sie sich einen Willkommensbonus von 25 Euro in Bitcoin auf Ihre erste Einzahlung.|Beim Programm Freunde werben erhalten Sie und Ihr Freund einen Empfehlungsbonus nach dem ersten Trade.",
        steps_title="In drei Schritten starten",
        steps="Eröffnen Sie Ihr kostenloses Konto mit Ihrer E-Mail-Adresse.|Bestätigen Sie Ihre Identität in wenigen Minuten mit einem Ausweis.|Zahlen Sie per Überweisung oder Karte ein und platzieren Sie Ihre erste Order.",
        faq_title="Häufig gestellte Fragen",
        faq=[
            "Ist mein Geld sicher?|Kundengelder werden getrennt vom Firmenvermögen gehalten und größtenteils offline verwahrt.",
            "Wie lange dauert eine Einzahlung?|Kartenzahlungen sind sofort verfügbar, Überweisungen meist innerhalb eines Bankarbeitstages.",
            "Welche Coins kann ich kaufen?|Sie können Bitcoin, Ethereum, Solana und mehr als zweihundert weitere digitale Vermögenswerte kaufen.",
        ],
        markets_title="Aktuelle Kryptokurse", table="Asset|Kurs|24 Std.|Marktkapitalisierung",
        fees_title="Transparente Gebühren", fee_labels="Handelsgebühr|Einzahlung per Überweisung|Kauf mit Karte|Krypto-Auszahlung",
        payments="Einzahlen per {rails}, Visa, Mastercard oder Apple Pay.",
        security="Unser Sicherheitsteam überwacht die Plattform rund um die Uhr. Auszahlungen an neue Adressen werden 24 Stunden zurückgehalten, sofern Sie sie nicht per E-Mail bestätigen.",
        partner="Werden Sie Partner in unserem Partnerprogramm und verdienen Sie Provision auf jeden Trade Ihrer geworbenen Kunden.",
        disclaimer="Unsere Dienstleistungen werden in der EU nicht angeboten; Kunden, die uns auf eigene Initiative kontaktieren, bedienen wir im Rahmen der passiven Dienstleistungsfreiheit.",
        risk="Kryptowerte sind sehr volatil und Sie können Ihr gesamtes eingesetztes Kapital verlieren. Frühere Wertentwicklungen sind kein verlässlicher Indikator für künftige Ergebnisse.",
        company="{brand} ist ein Handelsname der {brand} Ltd mit Sitz auf den Seychellen, Handelsregisternummer 8123456.",
        cookie="Wir verwenden Cookies, um Ihr Erlebnis zu verbessern und unseren Datenverkehr zu analysieren.|Alle akzeptieren",
        footer="Unternehmen|Produkte|Rechtliches|Hilfe",
        legal_links="AGB|Datenschutz|Cookie-Richtlinie|Risikohinweis|Impressum",
        newsletter="Erhalten Sie jeden Freitag die wichtigsten Marktnachrichten per E-Mail.|Ihre E-Mail-Adresse",
    ),
    "fr": dict(
        locale="fr-FR", og="fr_FR", path="fr", endonym="Français", region="FR", currency="EUR", money=("fr", "{n} €"),
        rails="virement SEPA",
        nav="Marchés|Acheter des cryptos|Trader|Épargner|Apprendre|Frais|Sécurité|Assistance|Connexion|Inscription",
        hero_title="Achetez du bitcoin en toute simplicité|La plateforme pour trader des cryptos en toute confiance",
        hero_text="Plus de 12 millions de clients achètent, vendent et conservent leurs actifs numériques sur une plateforme conçue pour la sécurité.|Investissez dès 10 euros et voyez votre premier ordre exécuté en quelques secondes, de jour comme de nuit.",
        cta="Inscrivez-vous gratuitement|Acheter du bitcoin|Téléchargez l'application",
        features=[
            "Des frais bas, sans surprise|Vous payez des frais de trading fixes à partir de 0,10 % et voyez le coût total avant de confirmer. Aucun spread caché sur les ordres au marché.",
            "Vos actifs sont protégés|Nous conservons 95 % des fonds de nos clients hors ligne et assurons le reste contre le vol. L'authentification à deux facteurs est activée par défaut.",
            "Gagnez des récompenses en conservant|Stakez de l'Ethereum, du Solana et du Polkadot directement depuis votre portefeuille et recevez des récompenses chaque semaine.",
            "Conçu pour les traders actifs|Graphiques avancés, ordres à cours limité et stop, ainsi qu'une API rapide vous donnent le contrôle total de chaque transaction.",
        ],
        bonus="Profitez d'un bonus de bienvenue de 25 euros en bitcoin sur votre premier dépôt.|Parrainez un ami : vous recevrez tous les deux une prime de parrainage après sa première transaction.",
        steps_title="Commencez en trois étapes",
        steps="Créez votre compte gratuit avec votre adresse e-mail.|Vérifiez votre identité en quelques minutes avec une pièce d'identité.|Alimentez votre compte par virement ou par carte et passez votre premier ordre.",
        faq_title="Questions fréquentes",
        faq=[
            "Mon argent est-il en sécurité ?|Les fonds des clients sont séparés de ceux de l'entreprise et la plupart des actifs sont conservés hors ligne.",
            "Combien de temps prend un dépôt ?|Les paiements par carte sont instantanés, les virements arrivent généralement sous un jour ouvré.",
            "Quelles cryptos puis-je acheter ?|Vous pouvez acheter du bitcoin, de l'Ethereum, du Solana et plus de deux cents autres actifs numériques.",
        ],
        markets_title="Cours des cryptos aujourd'hui", table="Actif|Prix|24 h|Capitalisation",
        fees_title="Des frais transparents", fee_labels="Frais de trading|Dépôt par virement|Achat par carte|Retrait de cryptos",
        payments="Déposez des fonds par {rails}, carte bancaire, Visa ou Mastercard.",
        security="Notre équipe de sécurité surveille la plateforme 24 heures sur 24. Les retraits vers une nouvelle adresse sont bloqués pendant 24 heures, sauf confirmation par e-mail.",
        partner="Rejoignez notre programme d'affiliation et gagnez des commissions sur chaque transaction de vos filleuls.",
        disclaimer="Nos services ne s'adressent pas aux résidents de l'Union européenne ; si vous nous contactez de votre propre initiative, nous pouvons vous servir.",
        risk="Les crypto-actifs sont très volatils et vous pouvez perdre la totalité du capital investi. Les performances passées ne préjugent pas des performances futures.",
        company="{brand} est une marque commerciale de {brand} Ltd, société immatriculée aux Seychelles sous le numéro 8123456.",
        cookie="Nous utilisons des cookies pour améliorer votre expérience et analyser notre trafic.|Tout accepter",
        footer="Entreprise|Produits|Mentions légales|Aide",
        legal_links="Conditions d'utilisation|Politique de confidentialité|Politique relative aux cookies|Avertissement sur les risques|Mentions légales",
        newsletter="Recevez l'actualité des marchés chaque vendredi.|Votre adresse e-mail",
    ),
    "es": dict(
        locale="es-ES", og="es_ES", path="es", endonym="Español", region="ES", currency="EUR", money=("de", "{n} €"),
        rails="Bizum, transferencia SEPA",
        nav="Mercados|Comprar cripto|Operar|Ganar|Aprender|Comisiones|Seguridad|Ayuda|Iniciar sesión|Registrarse",
        hero_title="Comprar bitcoin nunca fue tan fácil|Opera con criptomonedas con total confianza",
        hero_text="Más de 12 millones de clientes compran, venden y guardan activos digitales en una plataforma diseñada para la seguridad.|Empieza con solo 10 euros y ejecuta tu primera orden en segundos, a cualquier hora del día.",
        cta="Regístrate gratis|Comprar bitcoin|Descarga la app",
        features=[
            "Comisiones bajas y sin sorpresas|Pagas una comisión fija desde el 0,10 % y ves el coste total antes de confirmar. No hay diferenciales ocultos en las órdenes de mercado.",
            "Tus activos, protegidos|Guardamos el 95 % de los fondos de los clientes en almacenamiento en frío y aseguramos el resto contra robos. La autenticación en dos pasos está activada por defecto.",
            "Gana mientras mantienes|Haz staking de Ethereum, Solana y Polkadot directamente desde tu monedero y recibe recompensas cada semana.",
            "Pensado para traders activos|Gráficos avanzados, órdenes limitadas y de stop y una API rápida te dan el control total de cada operación.",
        ],
        bonus="Consigue un bono de bienvenida de 25 euros en bitcoin con tu primer depósito.|Invita a un amigo y ambos recibiréis un bono por referido cuando complete su primera operación.",
        steps_title="Empieza en tres pasos",
        steps="Crea tu cuenta gratuita con tu correo electrónico.|Verifica tu identidad en pocos minutos con tu documento de identidad.|Añade fondos por transferencia o con tarjeta y realiza tu primera orden.",
        faq_title="Preguntas frecuentes",
        faq=[
            "¿Está seguro mi dinero?|Los fondos de los clientes se mantienen separados de los de la empresa y la mayoría de los activos se guardan sin conexión.",
            "¿Cuánto tarda un depósito?|Los pagos con tarjeta son instantáneos y las transferencias suelen llegar en un día hábil.",
            "¿Qué criptomonedas puedo comprar?|Puedes comprar bitcoin, Ethereum, Solana y más de doscientos activos digitales más.",
        ],
        markets_title="Precios de las criptomonedas hoy", table="Activo|Precio|24 h|Capitalización",
        fees_title="Comisiones transparentes", fee_labels="Comisión de trading|Depósito por transferencia|Compra con tarjeta|Retiro de cripto",
        payments="Deposita con {rails}, Visa, Mastercard o Apple Pay.",
        security="Nuestro equipo de seguridad vigila la plataforma las 24 horas. Los retiros a direcciones nuevas se retienen durante 24 horas salvo que los confirmes por correo.",
        partner="Únete a nuestro programa de afiliados y gana comisiones por cada operación de tus referidos.",
        disclaimer="Este sitio no está dirigido a residentes de la Unión Europea; solo atendemos a clientes que nos contactan por iniciativa propia.",
        risk="Los criptoactivos son muy volátiles y puedes perder todo el dinero invertido. Las rentabilidades pasadas no garantizan rentabilidades futuras.",
        company="{brand} es una marca comercial de {brand} Ltd, sociedad registrada en Seychelles con el número 8123456.",
        cookie="Utilizamos cookies para mejorar tu experiencia y analizar nuestro tráfico.|Aceptar todas",
        footer="Empresa|Productos|Legal|Ayuda",
        legal_links="Términos de uso|Política de privacidad|Política de cookies|Advertencia de riesgo|Aviso legal",
        newsletter="Recibe las noticias del mercado cada viernes en tu correo.|Tu correo electrónico",
    ),
    "it": dict(
        locale="it-IT", og="it_IT", path="it", endonym="Italiano", region="IT", currency="EUR", money=("de", "{n} €"),
        rails="Satispay, bonifico SEPA",
        nav="Mercati|Compra cripto|Trading|Guadagna|Impara|Commissioni|Sicurezza|Assistenza|Accedi|Registrati",
        hero_title="Compra bitcoin in modo semplice e sicuro|Fai trading di criptovalute con fiducia",
        hero_text="Oltre 12 milioni di clienti comprano, vendono e custodiscono asset digitali su una piattaforma progettata per la sicurezza.|Inizia con soli 10 euro e vedi il tuo primo ordine eseguito in pochi secondi, a qualsiasi ora.",
        cta="Registrati ora|Compra bitcoin|Scarica l'app",
        features=[
            "Commissioni basse, nessuna sorpresa|Paghi una commissione fissa a partire dallo 0,10 % e vedi il costo totale prima di confermare. Nessuno spread nascosto sugli ordini a mercato.",
            "I tuoi asset sono protetti|Conserviamo il 95 % dei fondi dei clienti offline e assicuriamo il resto contro il furto. L'autenticazione a due fattori è attiva per impostazione predefinita.",
            "Guadagna mentre detieni|Metti in staking Ethereum, Solana e Polkadot direttamente dal tuo wallet e ricevi ricompense ogni settimana.",
            "Pensato per i trader attivi|Grafici avanzati, ordini limite e stop e un'API veloce ti danno il pieno controllo su ogni operazione.",
        ],
        bonus="Ricevi un bonus di benvenuto di 25 euro in bitcoin sul tuo primo deposito.|Invita un amico: riceverete entrambi un bonus referral dopo la sua prima operazione.",
        steps_title="Inizia in tre passaggi",
        steps="Crea il tuo conto gratuito con il tuo indirizzo e-mail.|Verifica la tua identità in pochi minuti con un documento.|Versa fondi con bonifico o carta ed effettua il tuo primo ordine.",
        faq_title="Domande frequenti",
        faq=[
            "I miei soldi sono al sicuro?|I fondi dei clienti sono separati da quelli della società e la maggior parte degli asset è conservata offline.",
            "Quanto tempo richiede un deposito?|I pagamenti con carta sono immediati, i bonifici arrivano di solito entro un giorno lavorativo.",
            "Quali criptovalute posso comprare?|Puoi comprare bitcoin, Ethereum, Solana e oltre duecento altri asset digitali.",
        ],
        markets_title="Prezzi delle criptovalute oggi", table="Asset|Prezzo|24 ore|Capitalizzazione",
        fees_title="Commissioni trasparenti", fee_labels="Commissione di trading|Deposito con bonifico|Acquisto con carta|Prelievo di cripto",
        payments="Deposita con {rails}, Visa, Mastercard o Apple Pay.",
        security="Il nostro team di sicurezza monitora la piattaforma 24 ore su 24. I prelievi verso nuovi indirizzi vengono trattenuti per 24 ore, salvo conferma via e-mail.",
        partner="Entra nel nostro programma di affiliazione e guadagna commissioni su ogni operazione dei tuoi invitati.",
        disclaimer="I nostri servizi non sono offerti nell'Unione europea e sono prestati solo su iniziativa esclusiva del cliente.",
        risk="Le cripto-attività sono molto volatili e potresti perdere tutto il capitale investito. I rendimenti passati non sono indicativi di quelli futuri.",
        company="{brand} è un marchio commerciale di {brand} Ltd, società registrata alle Seychelles con il numero 8123456.",
        cookie="Utilizziamo i cookie per migliorare la tua esperienza e analizzare il nostro traffico.|Accetta tutti",
        footer="Azienda|Prodotti|Note legali|Aiuto",
        legal_links="Termini di utilizzo|Informativa sulla privacy|Cookie policy|Avvertenza sui rischi|Note legali",
        newsletter="Ricevi le notizie dei mercati ogni venerdì via e-mail.|Il tuo indirizzo e-mail",
    ),
    "nl": dict(
        locale="nl-NL", og="nl_NL", path="nl", endonym="Nederlands", region="NL", currency="EUR", money=("de", "€ {n}"),
        rails="iDEAL, Bancontact, SEPA",
        nav="Markten|Crypto kopen|Handelen|Verdienen|Leren|Kosten|Veiligheid|Klantenservice|Inloggen|Aanmelden",
        hero_title="Bitcoin kopen was nog nooit zo eenvoudig|Handel in crypto met vertrouwen",
        hero_text="Meer dan 12 miljoen klanten kopen, verkopen en bewaren digitale activa op een platform dat is gebouwd voor veiligheid.|Begin al vanaf 10 euro en zie je eerste order binnen enkele seconden uitgevoerd, dag en nacht.",
        cta="Meld je nu aan|Bitcoin kopen|Download de app",
        features=[
            "Lage kosten, geen verrassingen|Je betaalt een vaste handelsvergoeding vanaf 0,10% en ziet de totale kosten voordat je bevestigt. Er zijn geen verborgen spreads op marktorders.",
            "Je tegoeden zijn beschermd|We bewaren 95% van het klantgeld offline in cold storage en verzekeren de rest tegen diefstal. Tweestapsverificatie staat standaard aan.",
            "Verdien terwijl je vasthoudt|Stake Ethereum, Solana en Polkadot rechtstreeks vanuit je wallet en ontvang elke week beloningen.",
            "Gemaakt voor actieve handelaren|Geavanceerde grafieken, limiet- en stoporders en een snelle API geven je volledige controle over elke transactie.",
        ],
        bonus="Ontvang een welkomstbonus van 25 euro in bitcoin bij je eerste storting.|Nodig een vriend uit en jullie krijgen allebei een verwijzingsbonus na zijn eerste transactie.",
        steps_title="In drie stappen aan de slag",
        steps="Maak gratis een account aan met je e-mailadres.|Verifieer je identiteit in een paar minuten met een geldig identiteitsbewijs.|Stort geld via bankoverschrijving of kaart en plaats je eerste order.",
        faq_title="Veelgestelde vragen",
        faq=[
            "Is mijn geld veilig?|Klantgelden worden gescheiden van het bedrijfsvermogen aangehouden en de meeste activa staan offline.",
            "Hoe lang duurt een storting?|Kaartbetalingen zijn direct beschikbaar, overschrijvingen meestal binnen één werkdag.",
            "Welke munten kan ik kopen?|Je kunt bitcoin, Ethereum, Solana en meer dan tweehonderd andere digitale activa kopen.",
        ],
        markets_title="Cryptokoersen van vandaag", table="Munt|Koers|24 uur|Marktwaarde",
        fees_title="Transparante kosten", fee_labels="Handelskosten|Storting per overschrijving|Aankoop met kaart|Opname van crypto",
        payments="Stort met {rails} of creditcard.",
        security="Ons beveiligingsteam bewaakt het platform dag en nacht. Opnames naar nieuwe adressen worden 24 uur vastgehouden, tenzij je ze per e-mail bevestigt.",
        partner="Word partner van ons partnerprogramma en verdien commissie op elke transactie van je doorverwezen klanten.",
        disclaimer="Onze diensten zijn niet bedoeld voor inwoners van de Europese Unie en worden uitsluitend op eigen initiatief van de klant verleend.",
        risk="Cryptoactiva zijn zeer volatiel en je kunt al het geïnvesteerde geld verliezen. In het verleden behaalde resultaten bieden geen garantie voor de toekomst.",
        company="{brand} is een handelsnaam van {brand} Ltd, geregistreerd op de Seychellen onder nummer 8123456.",
        cookie="We gebruiken cookies om je ervaring te verbeteren en ons verkeer te analyseren.|Alles accepteren",
        footer="Bedrijf|Producten|Juridisch|Hulp",
        legal_links="Gebruiksvoorwaarden|Privacybeleid|Cookiebeleid|Risicowaarschuwing|Klachten",
        newsletter="Ontvang elke vrijdag het marktnieuws in je inbox.|Je e-mailadres",
    ),
    "pl": dict(
        locale="pl-PL", og="pl_PL", path="pl", endonym="Polski", region="PL", currency="PLN", money=("sv", "{n} zł"),
        rails="BLIK, Przelewy24",
        nav="Rynki|Kup kryptowaluty|Handluj|Zarabiaj|Edukacja|Opłaty|Bezpieczeństwo|Pomoc|Zaloguj się|Zarejestruj się",
        hero_title="Kup bitcoina szybko i bezpiecznie|Handluj kryptowalutami z pewnością",
        hero_text="Ponad 12 milionów klientów kupuje, sprzedaje i przechowuje aktywa cyfrowe na platformie stworzonej z myślą o bezpieczeństwie.|Zacznij już od 50 złotych, a pierwsze zlecenie zrealizujesz w kilka sekund, o każdej porze dnia i nocy.",
        cta="Zarejestruj się za darmo|Kup bitcoina|Pobierz aplikację",
        features=[
            "Niskie opłaty bez niespodzianek|Płacisz stałą prowizję od 0,10% i widzisz pełny koszt przed potwierdzeniem transakcji. Zlecenia rynkowe nie mają ukrytych spreadów.",
            "Twoje środki są chronione|Przechowujemy 95% środków klientów offline i ubezpieczamy resztę od kradzieży. Uwierzytelnianie dwuskładnikowe jest domyślnie włączone.",
            "Zarabiaj, trzymając kryptowaluty|Stakuj Ethereum, Solanę i Polkadot bezpośrednio ze swojego portfela i otrzymuj nagrody co tydzień.",
            "Stworzone dla aktywnych traderów|Zaawansowane wykresy, zlecenia z limitem i stop oraz szybkie API dają ci pełną kontrolę nad każdą transakcją.",
        ],
        bonus="Odbierz bonus powitalny o wartości 100 złotych w bitcoinie przy pierwszym depozycie.|Poleć znajomego, a oboje otrzymacie nagrodę za polecenie po jego pierwszej transakcji.",
        steps_title="Zacznij w trzech krokach",
        steps="Załóż darmowe konto za pomocą adresu e-mail.|Potwierdź swoją tożsamość w kilka minut, korzystając z dowodu osobistego.|Wpłać środki przelewem lub kartą i złóż pierwsze zlecenie.",
        faq_title="Najczęściej zadawane pytania",
        faq=[
            "Czy moje pieniądze są bezpieczne?|Środki klientów są przechowywane oddzielnie od środków firmy, a większość aktywów jest trzymana offline.",
            "Jak długo trwa wpłata?|Płatności kartą są natychmiastowe, a przelewy docierają zwykle w ciągu jednego dnia roboczego.",
            "Jakie kryptowaluty mogę kupić?|Możesz kupić bitcoina, Ethereum, Solanę i ponad dwieście innych aktywów cyfrowych.",
        ],
        markets_title="Dzisiejsze kursy kryptowalut", table="Aktywo|Cena|24 godz.|Kapitalizacja",
        fees_title="Przejrzyste opłaty", fee_labels="Prowizja handlowa|Wpłata przelewem|Zakup kartą|Wypłata kryptowalut",
        payments="Wpłacaj przez {rails}, kartą Visa lub Mastercard.",
        security="Nasz zespół bezpieczeństwa monitoruje platformę przez całą dobę. Wypłaty na nowe adresy są wstrzymywane na 24 godziny, chyba że potwierdzisz je e-mailem.",
        partner="Zostań partnerem: dołącz do naszego programu partnerskiego i zarabiaj prowizję od każdej transakcji poleconych osób.",
        disclaimer="Nasze usługi nie są skierowane do mieszkańców Unii Europejskiej i świadczymy je wyłącznie z własnej inicjatywy klienta.",
        risk="Kryptoaktywa są bardzo zmienne i możesz stracić cały zainwestowany kapitał. Wyniki osiągnięte w przeszłości nie gwarantują przyszłych zysków.",
        company="{brand} to nazwa handlowa spółki {brand} Ltd zarejestrowanej na Seszelach pod numerem 8123456.",
        cookie="Używamy plików cookie, aby poprawić działanie serwisu i analizować ruch.|Akceptuję wszystkie",
        footer="Firma|Produkty|Informacje prawne|Pomoc",
        legal_links="Regulamin|Polityka prywatności|Polityka cookies|Ostrzeżenie o ryzyku|Reklamacje",
        newsletter="Otrzymuj wiadomości z rynku w każdy piątek.|Twój adres e-mail",
    ),
    "pt": dict(
        locale="pt-PT", og="pt_PT", path="pt", endonym="Português", region="PT", currency="EUR", money=("fr", "{n} €"),
        rails="Multibanco, MB WAY, SEPA",
        nav="Mercados|Comprar cripto|Negociar|Ganhar|Aprender|Comissões|Segurança|Apoio|Iniciar sessão|Registar",
        hero_title="Comprar bitcoin de forma simples e segura|Negoceie criptomoedas com confiança",
        hero_text="Mais de 12 milhões de clientes compram, vendem e guardam ativos digitais numa plataforma pensada para a segurança.|Comece com apenas 10 euros e veja a sua primeira ordem executada em segundos, a qualquer hora.",
        cta="Registe-se agora|Comprar bitcoin|Descarregue a aplicação",
        features=[
            "Comissões baixas, sem surpresas|Paga uma comissão fixa a partir de 0,10% e vê o custo total antes de confirmar. Não há spreads escondidos nas ordens de mercado.",
            "Os seus ativos estão protegidos|Guardamos 95% dos fundos dos clientes offline e seguramos o restante contra roubo. A autenticação de dois fatores está ativa por defeito.",
            "Ganhe enquanto mantém|Faça staking de Ethereum, Solana e Polkadot diretamente a partir da sua carteira e receba recompensas todas as semanas.",
            "Feito para traders ativos|Gráficos avançados, ordens limitadas e stop e uma API rápida dão-lhe controlo total sobre cada negociação.",
        ],
        bonus="Receba um bónus de boas-vindas de 25 euros em bitcoin no seu primeiro depósito.|Convide um amigo e ambos recebem um bónus de referência após a primeira negociação dele.",
        steps_title="Comece em três passos",
        steps="Crie a sua conta gratuita com o seu endereço de e-mail.|Verifique a sua identidade em poucos minutos com o cartão de cidadão.|Deposite fundos por transferência ou cartão e coloque a sua primeira ordem.",
        faq_title="Perguntas frequentes",
        faq=[
            "O meu dinheiro está seguro?|Os fundos dos clientes são mantidos separados dos fundos da empresa e a maioria dos ativos é guardada offline.",
            "Quanto tempo demora um depósito?|Os pagamentos com cartão são imediatos e as transferências chegam normalmente num dia útil.",
            "Que criptomoedas posso comprar?|Pode comprar bitcoin, Ethereum, Solana e mais de duzentos outros ativos digitais.",
        ],
        markets_title="Preços das criptomoedas hoje", table="Ativo|Preço|24 h|Capitalização",
        fees_title="Comissões transparentes", fee_labels="Comissão de negociação|Depósito por transferência|Compra com cartão|Levantamento de cripto",
        payments="Deposite com {rails}, Visa ou Mastercard.",
        security="A nossa equipa de segurança monitoriza a plataforma 24 horas por dia. Os levantamentos para novos endereços ficam retidos durante 24 horas, salvo confirmação por e-mail.",
        partner="Adira ao nosso programa de afiliados e ganhe comissões em cada negociação dos seus indicados.",
        disclaimer="Os nossos serviços não são oferecidos na União Europeia e só são prestados por iniciativa exclusiva do cliente.",
        risk="Os criptoativos são muito voláteis e pode perder todo o capital investido. Rendimentos passados não garantem rendimentos futuros.",
        company="{brand} é uma marca comercial da {brand} Ltd, sociedade registada nas Seicheles com o número 8123456.",
        cookie="Utilizamos cookies para melhorar a sua experiência e analisar o nosso tráfego.|Aceitar todos",
        footer="Empresa|Produtos|Informação legal|Ajuda",
        legal_links="Termos de utilização|Política de privacidade|Política de cookies|Aviso de risco|Reclamações",
        newsletter="Receba as notícias do mercado todas as sextas-feiras.|O seu endereço de e-mail",
    ),
    "pt-BR": dict(
        locale="pt-BR", og="pt_BR", path="pt-br", endonym="Português (Brasil)", region="BR", currency="BRL", money=("de", "R$ {n}"),
        rails="Pix",
        nav="Mercados|Comprar cripto|Negociar|Render|Aprender|Taxas|Segurança|Suporte|Entrar|Cadastre-se",
        hero_title="Compre bitcoin de um jeito simples e seguro|Invista em criptomoedas com confiança",
        hero_text="Mais de 12 milhões de clientes compram, vendem e guardam ativos digitais em uma plataforma feita para a segurança.|Comece com apenas R$ 50 e veja sua primeira ordem executada em segundos, a qualquer hora do dia.",
        cta="Cadastre-se agora|Compre bitcoin|Baixe o app",
        features=[
            "Taxas baixas, sem surpresas|Você paga uma taxa fixa a partir de 0,10% e vê o custo total antes de confirmar. Não existem spreads escondidos nas ordens a mercado.",
            "Seus ativos protegidos|Guardamos 95% dos recursos dos clientes em carteiras frias e seguramos o restante contra roubo. A autenticação em dois fatores já vem ativada.",
            "Ganhe enquanto mantém|Faça staking de Ethereum, Solana e Polkadot direto da sua carteira e receba recompensas toda semana.",
            "Feito para quem opera todo dia|Gráficos avançados, ordens limitadas e stop e uma API rápida dão a você controle total de cada operação.",
        ],
        bonus="Ganhe um bônus de boas-vindas de R$ 100 em bitcoin no seu primeiro depósito.|Indique um amigo e vocês dois recebem um bônus de indicação depois da primeira operação dele.",
        steps_title="Comece em três passos",
        steps="Crie sua conta grátis com seu e-mail.|Confirme sua identidade em poucos minutos com RG ou CNH.|Deposite via Pix ou cartão e faça sua primeira ordem.",
        faq_title="Perguntas frequentes",
        faq=[
            "Meu dinheiro está seguro?|Os recursos dos clientes ficam separados dos recursos da empresa e a maior parte dos ativos fica offline.",
            "Quanto tempo leva um depósito?|Depósitos via Pix caem na hora e transferências bancárias levam até um dia útil.",
            "Quais criptomoedas posso comprar?|Você pode comprar bitcoin, Ethereum, Solana e mais de duzentos outros ativos digitais.",
        ],
        markets_title="Cotação das criptomoedas hoje", table="Ativo|Preço|24 h|Valor de mercado",
        fees_title="Taxas transparentes", fee_labels="Taxa de negociação|Depósito via Pix|Compra com cartão|Saque de cripto",
        payments="Deposite via {rails}, boleto ou cartão de crédito.",
        security="Nossa equipe de segurança monitora a plataforma 24 horas por dia. Saques para endereços novos ficam retidos por 24 horas, a menos que você confirme por e-mail.",
        partner="Participe do nosso programa de afiliados e ganhe comissões em cada operação dos seus indicados.",
        disclaimer="Este serviço não está disponível para residentes da União Europeia.",
        risk="Criptoativos são voláteis e você pode perder todo o valor investido. Rentabilidade passada não é garantia de rentabilidade futura.",
        company="{brand} é uma marca da {brand} Ltd, empresa registrada nas Seychelles sob o número 8123456.",
        cookie="Usamos cookies para melhorar sua experiência e analisar nosso tráfego.|Aceitar todos",
        footer="Empresa|Produtos|Jurídico|Ajuda",
        legal_links="Termos de uso|Política de privacidade|Política de cookies|Aviso de risco|Ouvidoria",
        newsletter="Receba as notícias do mercado toda sexta-feira no seu e-mail.|Seu e-mail",
    ),
    "sv": dict(
        locale="sv-SE", og="sv_SE", path="sv", endonym="Svenska", region="SE", currency="SEK", money=("sv", "{n} kr"),
        rails="Swish, Trustly",
        nav="Marknader|Köp krypto|Handla|Tjäna|Lär dig|Avgifter|Säkerhet|Support|Logga in|Registrera dig",
        hero_title="Köp bitcoin enkelt och säkert|Handla krypto med trygghet",
        hero_text="Över 12 miljoner kunder köper, säljer och förvarar digitala tillgångar på en plattform byggd för säkerhet.|Kom igång från 100 SEK och få din första order genomförd på några sekunder, dygnet runt.",
        cta="Registrera dig nu|Köp bitcoin|Ladda ner appen",
        features=[
            "Låga avgifter utan överraskningar|Du betalar en fast handelsavgift från 0,10 % och ser hela kostnaden innan du bekräftar. Det finns inga dolda spreadar på marknadsordrar.",
            "Dina tillgångar är skyddade|Vi förvarar 95 % av kundernas medel offline och försäkrar resten mot stöld. Tvåfaktorsautentisering är aktiverad som standard.",
            "Tjäna medan du äger|Staka Ethereum, Solana och Polkadot direkt från din plånbok och få belöningar varje vecka.",
            "Byggt för aktiva handlare|Avancerade diagram, limit- och stopporder och ett snabbt API ger dig full kontroll över varje affär.",
        ],
        bonus="Få en välkomstbonus på 250 kronor i bitcoin vid din första insättning.|Bjud in en vän så får ni båda en värvningsbonus efter vännens första affär.",
        steps_title="Kom igång i tre steg",
        steps="Skapa ett konto gratis med din e-postadress.|Verifiera din identitet med BankID på några minuter.|Sätt in pengar med Swish eller kort och lägg din första order.",
        faq_title="Vanliga frågor",
        faq=[
            "Är mina pengar säkra?|Kundernas medel hålls åtskilda från bolagets medel och de flesta tillgångar förvaras offline.",
            "Hur lång tid tar en insättning?|Kortbetalningar syns direkt och banköverföringar kommer oftast fram inom en bankdag.",
            "Vilka kryptovalutor kan jag köpa?|Du kan köpa bitcoin, Ethereum, Solana och över tvåhundra andra digitala tillgångar.",
        ],
        markets_title="Dagens kryptopriser", table="Tillgång|Pris|24 tim|Börsvärde",
        fees_title="Tydliga avgifter", fee_labels="Handelsavgift|Insättning via banköverföring|Köp med kort|Uttag av krypto",
        payments="Sätt in pengar med {rails}, Visa eller Mastercard.",
        security="Vårt säkerhetsteam övervakar plattformen dygnet runt. Uttag till nya adresser hålls inne i 24 timmar om du inte bekräftar dem via e-post.",
        partner="Gå med i vårt partnerprogram och tjäna provision på varje affär som dina värvade vänner gör.",
        disclaimer="Våra tjänster riktar sig inte till personer bosatta i EU och tillhandahålls endast på kundens eget initiativ.",
        risk="Kryptotillgångar är mycket volatila och du kan förlora hela det investerade beloppet. Historisk avkastning är ingen garanti för framtida avkastning.",
        company="{brand} är ett handelsnamn för {brand} Ltd, registrerat på Seychellerna med registreringsnummer 8123456.",
        cookie="Vi använder cookies för att förbättra din upplevelse och analysera vår trafik.|Godkänn alla",
        footer="Företaget|Produkter|Juridiskt|Hjälp",
        legal_links="Användarvillkor|Integritetspolicy|Cookiepolicy|Riskinformation|Klagomål",
        newsletter="Få marknadsnyheter i din inkorg varje fredag.|Din e-postadress",
    ),
    "da": dict(
        locale="da-DK", og="da_DK", path="da", endonym="Dansk", region="DK", currency="DKK", money=("de", "{n} DKK"),
        rails="MobilePay",
        nav="Markeder|Køb krypto|Handel|Tjen|Lær|Gebyrer|Sikkerhed|Hjælp|Log ind|Opret konto",
        hero_title="Køb bitcoin nemt og sikkert|Handl krypto med ro i maven",
        hero_text="Over 12 millioner kunder køber, sælger og opbevarer digitale aktiver på en platform bygget til sikkerhed.|Kom i gang fra 100 kroner og få din første ordre udført på få sekunder, døgnet rundt.",
        cta="Opret en konto|Køb bitcoin|Download appen",
        features=[
            "Lave gebyrer uden overraskelser|Du betaler et fast handelsgebyr fra 0,10 % og ser den samlede pris, før du bekræfter. Der er ingen skjulte spreads på markedsordrer.",
            "Dine aktiver er beskyttet|Vi opbevarer 95 % af kundernes midler offline og forsikrer resten mod tyveri. Tofaktorgodkendelse er slået til som standard.",
            "Tjen mens du holder|Stake Ethereum, Solana og Polkadot direkte fra din wallet og modtag belønninger hver uge.",
            "Bygget til aktive investorer|Avancerede grafer, limit- og stopordrer og et hurtigt API giver dig fuld kontrol over hver handel.",
        ],
        bonus="Få en velkomstbonus på 200 kroner i bitcoin ved din første indbetaling.|Inviter en ven, så får I begge en henvisningsbonus efter vennens første handel.",
        steps_title="Kom i gang i tre trin",
        steps="Opret din gratis konto med din e-mailadresse.|Bekræft din identitet med MitID på få minutter.|Indbetal med MobilePay eller kort, og afgiv din første ordre.",
        faq_title="Ofte stillede spørgsmål",
        faq=[
            "Er mine penge sikre?|Kundernes midler holdes adskilt fra selskabets midler, og de fleste aktiver opbevares offline.",
            "Hvor lang tid tager en indbetaling?|Kortbetalinger er tilgængelige med det samme, og bankoverførsler når typisk frem inden for én bankdag.",
            "Hvilke kryptovalutaer kan jeg købe?|Du kan købe bitcoin, Ethereum, Solana og over to hundrede andre digitale aktiver.",
        ],
        markets_title="Dagens kryptokurser", table="Aktiv|Pris|24 t|Markedsværdi",
        fees_title="Gennemsigtige gebyrer", fee_labels="Handelsgebyr|Indbetaling via bankoverførsel|Køb med kort|Udbetaling af krypto",
        payments="Indbetal med {rails}, Visa eller Mastercard.",
        security="Vores sikkerhedsteam overvåger platformen døgnet rundt. Udbetalinger til nye adresser tilbageholdes i 24 timer, medmindre du bekræfter dem via e-mail.",
        partner="Bliv partner i vores partnerprogram og tjen provision på hver handel, dine henviste kunder foretager.",
        disclaimer="Vores tjenester er ikke rettet mod personer bosiddende i EU og leveres kun på kundens eget initiativ.",
        risk="Kryptoaktiver er meget volatile, og du kan miste hele det investerede beløb. Tidligere afkast er ingen garanti for fremtidige afkast.",
        company="{brand} er et binavn for {brand} Ltd, registreret på Seychellerne under selskabsnummer 8123456.",
        cookie="Vi bruger cookies til at forbedre din oplevelse og analysere vores trafik.|Accepter alle",
        footer="Virksomhed|Produkter|Juridisk|Hjælp",
        legal_links="Vilkår for brug|Privatlivspolitik|Cookiepolitik|Risikooplysninger|Klager",
        newsletter="Få markedsnyheder i din indbakke hver fredag.|Din e-mailadresse",
    ),
    "fi": dict(
        locale="fi-FI", og="fi_FI", path="fi", endonym="Suomi", region="FI", currency="EUR", money=("sv", "{n} €"),
        rails="MobilePay, Trustly",
        nav="Markkinat|Osta kryptoa|Kaupankäynti|Ansaitse|Opi|Hinnasto|Turvallisuus|Tuki|Kirjaudu|Rekisteröidy",
        hero_title="Osta bitcoinia helposti ja turvallisesti|Käy kauppaa kryptovaluutoilla luottavaisin mielin",
        hero_text="Yli 12 miljoonaa asiakasta ostaa, myy ja säilyttää digitaalisia varoja alustalla, joka on rakennettu turvallisuus edellä.|Aloita jo 10 eurolla ja saat ensimmäisen toimeksiantosi toteutettua sekunneissa mihin vuorokaudenaikaan tahansa.",
        cta="Rekisteröidy nyt|Osta bitcoinia|Lataa sovellus",
        features=[
            "Edulliset kulut ilman yllätyksiä|Maksat kiinteän kaupankäyntipalkkion alkaen 0,10 % ja näet kokonaiskustannuksen ennen vahvistusta. Markkinatoimeksiannoissa ei ole piilotettuja eroja.",
            "Varasi ovat turvassa|Säilytämme 95 % asiakkaiden varoista verkon ulkopuolella ja vakuutamme loput varkauden varalta. Kaksivaiheinen tunnistautuminen on oletuksena käytössä.",
            "Ansaitse samalla kun säilytät|Steikkaa Ethereumia, Solanaa ja Polkadotia suoraan lompakostasi ja saat palkkioita joka viikko.",
            "Aktiivisille kaupankävijöille|Edistyneet kaaviot, raja- ja stop-toimeksiannot sekä nopea API antavat sinulle täyden hallinnan jokaiseen kauppaan.",
        ],
        bonus="Saat 25 euron tervetuliaisbonuksen bitcoineina ensimmäisestä talletuksestasi.|Kutsu ystävä, niin saatte molemmat suosittelubonuksen hänen ensimmäisen kauppansa jälkeen.",
        steps_title="Aloita kolmessa vaiheessa",
        steps="Luo ilmainen tili sähköpostiosoitteellasi.|Vahvista henkilöllisyytesi pankkitunnuksilla muutamassa minuutissa.|Talleta varoja pankkisiirrolla tai kortilla ja tee ensimmäinen toimeksiantosi.",
        faq_title="Usein kysytyt kysymykset",
        faq=[
            "Ovatko rahani turvassa?|Asiakkaiden varat pidetään erillään yhtiön varoista, ja suurin osa varoista säilytetään verkon ulkopuolella.",
            "Kauanko talletus kestää?|Korttimaksut näkyvät heti, ja pankkisiirrot saapuvat yleensä yhden pankkipäivän kuluessa.",
            "Mitä kryptovaluuttoja voin ostaa?|Voit ostaa bitcoinia, Ethereumia, Solanaa ja yli kahtasataa muuta digitaalista omaisuuserää.",
        ],
        markets_title="Kryptovaluuttojen hinnat tänään", table="Omaisuuserä|Hinta|24 h|Markkina-arvo",
        fees_title="Selkeä hinnasto", fee_labels="Kaupankäyntipalkkio|Talletus pankkisiirrolla|Osto kortilla|Kryptonosto",
        payments="Talletustavat: {rails}, Visa ja Mastercard.",
        security="Turvallisuustiimimme valvoo alustaa ympäri vuorokauden. Nostot uusiin osoitteisiin pidätetään 24 tunniksi, ellet vahvista niitä sähköpostitse.",
        partner="Liity kumppaniohjelmaamme ja ansaitse palkkioita jokaisesta suosittelemiesi asiakkaiden kaupasta.",
        disclaimer="Palvelujamme ei ole tarkoitettu Euroopan unionin asukkaille, ja ne tarjotaan vain asiakkaan omasta aloitteesta.",
        risk="Kryptovarat ovat erittäin volatiileja, ja voit menettää koko sijoittamasi pääoman. Aiempi tuotto ei ole tae tulevasta tuotosta.",
        company="{brand} on {brand} Ltd:n aputoiminimi, ja yhtiö on rekisteröity Seychelleillä numerolla 8123456.",
        cookie="Käytämme evästeitä parantaaksemme käyttökokemustasi ja analysoidaksemme liikennettämme.|Hyväksy kaikki",
        footer="Yritys|Tuotteet|Lakitiedot|Apua",
        legal_links="Käyttöehdot|Tietosuojaseloste|Evästekäytäntö|Riskivaroitus|Reklamaatiot",
        newsletter="Saat markkinauutiset sähköpostiisi joka perjantai.|Sähköpostiosoitteesi",
    ),
    "cs": dict(
        locale="cs-CZ", og="cs_CZ", path="cs", endonym="Čeština", region="CZ", currency="CZK", money=("sv", "{n} Kč"),
        rails="SEPA",
        nav="Trhy|Koupit kryptoměny|Obchodování|Vydělávejte|Vzdělávání|Poplatky|Bezpečnost|Podpora|Přihlásit se|Registrace",
        hero_title="Kupte bitcoin snadno a bezpečně|Obchodujte s kryptoměnami s jistotou",
        hero_text="Více než 12 milionů zákazníků nakupuje, prodává a uchovává digitální aktiva na platformě postavené na bezpečnosti.|Začněte už od 250 korun a svůj první pokyn budete mít provedený během několika sekund, ve dne i v noci.",
        cta="Zaregistrujte se zdarma|Kupte bitcoin|Stáhněte si aplikaci",
        features=[
            "Nízké poplatky bez překvapení|Platíte pevný obchodní poplatek od 0,10 % a celkovou cenu vidíte ještě před potvrzením. Tržní pokyny nemají žádné skryté spready.",
            "Vaše aktiva jsou v bezpečí|Uchováváme 95 % prostředků klientů offline a zbytek pojišťujeme proti krádeži. Dvoufázové ověření je ve výchozím nastavení zapnuté.",
            "Vydělávejte, zatímco držíte|Stakujte Ethereum, Solanu a Polkadot přímo ze své peněženky a každý týden dostávejte odměny.",
            "Pro aktivní obchodníky|Pokročilé grafy, limitní a stop pokyny a rychlé API vám dávají plnou kontrolu nad každým obchodem.",
        ],
        bonus="Získejte uvítací bonus 500 korun v bitcoinu k prvnímu vkladu.|Doporučte přítele a oba získáte odměnu za doporučení po jeho prvním obchodu.",
        steps_title="Začněte ve třech krocích",
        steps="Založte si bezplatný účet pomocí e-mailové adresy.|Ověřte svou totožnost během několika minut pomocí občanského průkazu.|Vložte peníze převodem nebo kartou a zadejte svůj první pokyn.",
        faq_title="Často kladené otázky",
        faq=[
            "Jsou mé peníze v bezpečí?|Prostředky klientů jsou vedeny odděleně od prostředků společnosti a většina aktiv je uložena offline.",
            "Jak dlouho trvá vklad?|Platby kartou jsou připsány okamžitě, bankovní převody obvykle do jednoho pracovního dne.",
            "Jaké kryptoměny mohu koupit?|Můžete koupit bitcoin, Ethereum, Solanu a více než dvě stě dalších digitálních aktiv.",
        ],
        markets_title="Dnešní ceny kryptoměn", table="Aktivum|Cena|24 h|Tržní kapitalizace",
        fees_title="Transparentní poplatky", fee_labels="Obchodní poplatek|Vklad bankovním převodem|Nákup kartou|Výběr kryptoměn",
        payments="Vkládejte přes {rails}, kartou Visa nebo Mastercard.",
        security="Náš bezpečnostní tým nepřetržitě sleduje platformu. Výběry na nové adresy jsou pozdrženy na 24 hodin, pokud je nepotvrdíte e-mailem.",
        partner="Staňte se partnerem v našem partnerském programu a vydělávejte provize z každého obchodu doporučených klientů.",
        disclaimer="Naše služby nejsou určeny pro obyvatele EU a poskytujeme je výhradně z vlastní iniciativy klienta.",
        risk="Kryptoaktiva jsou velmi volatilní a můžete přijít o veškerý investovaný kapitál. Minulá výkonnost není spolehlivým ukazatelem budoucích výsledků.",
        company="{brand} je obchodní značka společnosti {brand} Ltd registrované na Seychelách pod číslem 8123456.",
        cookie="Používáme soubory cookie ke zlepšení vašeho zážitku a k analýze návštěvnosti.|Přijmout vše",
        footer="Společnost|Produkty|Právní informace|Nápověda",
        legal_links="Podmínky používání|Zásady ochrany osobních údajů|Zásady cookies|Upozornění na rizika|Stížnosti",
        newsletter="Každý pátek vám pošleme novinky z trhu.|Vaše e-mailová adresa",
    ),
    "ro": dict(
        locale="ro-RO", og="ro_RO", path="ro", endonym="Română", region="RO", currency="RON", money=("de", "{n} lei"),
        rails="SEPA",
        nav="Piețe|Cumpără cripto|Tranzacționează|Câștigă|Învață|Comisioane|Securitate|Asistență|Autentificare|Înregistrare",
        hero_title="Cumpără bitcoin simplu și în siguranță|Tranzacționează criptomonede cu încredere",
        hero_text="Peste 12 milioane de clienți cumpără, vând și păstrează active digitale pe o platformă construită pentru securitate.|Începe de la doar 50 de lei și vezi primul tău ordin executat în câteva secunde, la orice oră.",
        cta="Înregistrează-te acum|Cumpără bitcoin|Descarcă aplicația",
        features=[
            "Comisioane mici, fără surprize|Plătești un comision fix de tranzacționare de la 0,10% și vezi costul total înainte de confirmare. Nu există spread-uri ascunse la ordinele de piață.",
            "Activele tale sunt protejate|Păstrăm 95% din fondurile clienților offline și asigurăm restul împotriva furtului. Autentificarea în doi pași este activată implicit.",
            "Câștigă în timp ce deții|Fă staking de Ethereum, Solana și Polkadot direct din portofelul tău și primește recompense în fiecare săptămână.",
            "Creat pentru traderii activi|Grafice avansate, ordine limită și stop și un API rapid îți oferă control deplin asupra fiecărei tranzacții.",
        ],
        bonus="Primește un bonus de bun venit de 100 de lei în bitcoin la prima depunere.|Invită un prieten și veți primi amândoi un bonus de recomandare după prima lui tranzacție.",
        steps_title="Începe în trei pași",
        steps="Creează-ți contul gratuit cu adresa de e-mail.|Verifică-ți identitatea în câteva minute cu buletinul.|Alimentează contul prin transfer bancar sau cu cardul și plasează primul ordin.",
        faq_title="Întrebări frecvente",
        faq=[
            "Banii mei sunt în siguranță?|Fondurile clienților sunt păstrate separat de fondurile companiei, iar majoritatea activelor sunt ținute offline.",
            "Cât durează o depunere?|Plățile cu cardul sunt instantanee, iar transferurile bancare ajung de obicei într-o zi lucrătoare.",
            "Ce criptomonede pot cumpăra?|Poți cumpăra bitcoin, Ethereum, Solana și peste două sute de alte active digitale.",
        ],
        markets_title="Prețurile criptomonedelor astăzi", table="Activ|Preț|24 h|Capitalizare",
        fees_title="Comisioane transparente", fee_labels="Comision de tranzacționare|Depunere prin transfer bancar|Cumpărare cu cardul|Retragere cripto",
        payments="Depune prin {rails}, Visa sau Mastercard.",
        security="Echipa noastră de securitate monitorizează platforma non-stop. Retragerile către adrese noi sunt reținute 24 de ore, cu excepția cazului în care le confirmi prin e-mail.",
        partner="Alătură-te programului nostru de afiliere și câștigă comisioane pentru fiecare tranzacție a celor recomandați de tine.",
        disclaimer="Serviciile noastre nu se adresează rezidenților UE și sunt prestate exclusiv din proprie inițiativă a clientului.",
        risk="Criptoactivele sunt foarte volatile și poți pierde întregul capital investit. Performanțele anterioare nu garantează rezultatele viitoare.",
        company="{brand} este o denumire comercială a {brand} Ltd, societate înregistrată în Seychelles cu numărul 8123456.",
        cookie="Folosim cookie-uri pentru a-ți îmbunătăți experiența și pentru a analiza traficul.|Accept toate",
        footer="Companie|Produse|Informații legale|Ajutor",
        legal_links="Termeni de utilizare|Politica de confidențialitate|Politica privind cookie-urile|Avertisment privind riscurile|Reclamații",
        newsletter="Primește știrile pieței în fiecare vineri pe e-mail.|Adresa ta de e-mail",
    ),
    "el": dict(
        locale="el-GR", og="el_GR", path="el", endonym="Ελληνικά", region="GR", currency="EUR", money=("de", "{n} €"),
        rails="SEPA",
        nav="Αγορές|Αγορά κρύπτο|Συναλλαγές|Κέρδη|Εκπαίδευση|Χρεώσεις|Ασφάλεια|Υποστήριξη|Σύνδεση|Εγγραφή",
        hero_title="Αγοράστε bitcoin εύκολα και με ασφάλεια|Κάντε συναλλαγές σε κρυπτονομίσματα με σιγουριά",
        hero_text="Περισσότεροι από 12 εκατομμύρια πελάτες αγοράζουν, πωλούν και φυλάσσουν ψηφιακά περιουσιακά στοιχεία σε μια πλατφόρμα σχεδιασμένη για ασφάλεια.|Ξεκινήστε με μόλις 10 ευρώ και δείτε την πρώτη σας εντολή να εκτελείται σε λίγα δευτερόλεπτα, όλο το εικοσιτετράωρο.",
        cta="Εγγραφείτε τώρα|Αγοράστε bitcoin|Κατεβάστε την εφαρμογή",
        features=[
            "Χαμηλές χρεώσεις χωρίς εκπλήξεις|Πληρώνετε σταθερή προμήθεια συναλλαγών από 0,10% και βλέπετε το συνολικό κόστος πριν από την επιβεβαίωση. Δεν υπάρχουν κρυφά spread στις εντολές αγοράς.",
            "Τα περιουσιακά σας στοιχεία προστατεύονται|Φυλάσσουμε το 95% των κεφαλαίων των πελατών εκτός σύνδεσης και ασφαλίζουμε το υπόλοιπο έναντι κλοπής. Ο έλεγχος ταυτότητας δύο παραγόντων είναι ενεργός από προεπιλογή.",
            "Κερδίστε όσο διακρατείτε|Κάντε staking σε Ethereum, Solana και Polkadot απευθείας από το πορτοφόλι σας και λάβετε ανταμοιβές κάθε εβδομάδα.",
            "Σχεδιασμένο για ενεργούς traders|Προηγμένα γραφήματα, εντολές ορίου και stop και ένα γρήγορο API σας δίνουν πλήρη έλεγχο σε κάθε συναλλαγή.",
        ],
        bonus="Λάβετε μπόνους καλωσορίσματος 25 ευρώ σε bitcoin με την πρώτη σας κατάθεση.|Προσκαλέστε έναν φίλο και θα λάβετε και οι δύο ανταμοιβή παραπομπής μετά την πρώτη του συναλλαγή.",
        steps_title="Ξεκινήστε σε τρία βήματα",
        steps="Δημιουργήστε δωρεάν λογαριασμό με τη διεύθυνση email σας.|Επαληθεύστε την ταυτότητά σας σε λίγα λεπτά με την αστυνομική σας ταυτότητα.|Καταθέστε χρήματα με τραπεζική μεταφορά ή κάρτα και δώστε την πρώτη σας εντολή.",
        faq_title="Συχνές ερωτήσεις",
        faq=[
            "Είναι ασφαλή τα χρήματά μου;|Τα κεφάλαια των πελατών τηρούνται χωριστά από τα κεφάλαια της εταιρείας και τα περισσότερα στοιχεία φυλάσσονται εκτός σύνδεσης.",
            "Πόσο διαρκεί μια κατάθεση;|Οι πληρωμές με κάρτα πιστώνονται αμέσως, ενώ οι τραπεζικές μεταφορές συνήθως μέσα σε μία εργάσιμη ημέρα.",
            "Ποια κρυπτονομίσματα μπορώ να αγοράσω;|Μπορείτε να αγοράσετε bitcoin, Ethereum, Solana και περισσότερα από διακόσια άλλα ψηφιακά στοιχεία.",
        ],
        markets_title="Τιμές κρυπτονομισμάτων σήμερα", table="Στοιχείο|Τιμή|24ω|Κεφαλαιοποίηση",
        fees_title="Διαφανείς χρεώσεις", fee_labels="Προμήθεια συναλλαγών|Κατάθεση με τραπεζική μεταφορά|Αγορά με κάρτα|Ανάληψη κρύπτο",
        payments="Καταθέστε μέσω {rails}, Visa ή Mastercard.",
        security="Η ομάδα ασφαλείας μας παρακολουθεί την πλατφόρμα όλο το εικοσιτετράωρο. Οι αναλήψεις σε νέες διευθύνσεις δεσμεύονται για 24 ώρες, εκτός αν τις επιβεβαιώσετε μέσω email.",
        partner="Γίνετε συνεργάτης στο πρόγραμμα συνεργατών μας και κερδίστε προμήθειες από κάθε συναλλαγή των πελατών που μας συστήνετε.",
        disclaimer="Οι υπηρεσίες μας δεν απευθύνονται σε κατοίκους της ΕΕ και παρέχονται μόνο με αποκλειστική πρωτοβουλία του πελάτη.",
        risk="Τα κρυπτοστοιχεία είναι ιδιαίτερα ασταθή και μπορεί να χάσετε όλο το επενδυμένο κεφάλαιο. Οι προηγούμενες αποδόσεις δεν εγγυώνται μελλοντικές αποδόσεις.",
        company="Η {brand} είναι εμπορική επωνυμία της {brand} Ltd, εταιρείας εγγεγραμμένης στις Σεϋχέλλες με αριθμό 8123456.",
        cookie="Χρησιμοποιούμε cookies για να βελτιώσουμε την εμπειρία σας και να αναλύσουμε την επισκεψιμότητα.|Αποδοχή όλων",
        footer="Εταιρεία|Προϊόντα|Νομικά|Βοήθεια",
        legal_links="Όροι χρήσης|Πολιτική απορρήτου|Πολιτική cookies|Προειδοποίηση κινδύνου|Παράπονα",
        newsletter="Λάβετε τα νέα της αγοράς κάθε Παρασκευή στο email σας.|Η διεύθυνση email σας",
    ),
    "hu": dict(
        locale="hu-HU", og="hu_HU", path="hu", endonym="Magyar", region="HU", currency="HUF", money=("sv", "{n} Ft"),
        rails="SEPA",
        nav="Piacok|Kriptovásárlás|Kereskedés|Hozam|Tanulás|Díjak|Biztonság|Ügyfélszolgálat|Belépés|Regisztráció",
        hero_title="Vásároljon bitcoint egyszerűen és biztonságosan|Kereskedjen kriptovalutákkal magabiztosan",
        hero_text="Több mint 12 millió ügyfél vásárol, ad el és tárol digitális eszközöket egy biztonságra épített platformon.|Kezdje már 3000 forinttal, és első megbízása néhány másodperc alatt teljesül, a nap bármely szakában.",
        cta="Regisztráljon most|Vásároljon bitcoint|Töltse le az alkalmazást",
        features=[
            "Alacsony díjak, meglepetések nélkül|Fix kereskedési díjat fizet 0,10%-tól, és a teljes költséget a megerősítés előtt látja. A piaci megbízásoknál nincsenek rejtett spreadek.",
            "Eszközei biztonságban vannak|Az ügyfelek pénzének 95%-át offline tároljuk, a többit lopás ellen biztosítjuk. A kétlépcsős azonosítás alapértelmezetten be van kapcsolva.",
            "Keressen, miközben tart|Stake-eljen Ethereumot, Solanát és Polkadotot közvetlenül a tárcájából, és kapjon jutalmat minden héten.",
            "Aktív kereskedőknek tervezve|Fejlett grafikonok, limit- és stop megbízások, valamint egy gyors API teljes kontrollt adnak minden ügylet felett.",
        ],
        bonus="Kérje 10 000 forintos üdvözlő bónuszát bitcoinban az első befizetéséhez.|Ajánlj egy barátot, és mindketten ajánlói bónuszt kaptok az első kereskedése után.",
        steps_title="Kezdje el három lépésben",
        steps="Hozza létre ingyenes fiókját az e-mail-címével.|Igazolja személyazonosságát néhány perc alatt a személyi igazolványával.|Töltsön fel pénzt átutalással vagy kártyával, és adja le első megbízását.",
        faq_title="Gyakran ismételt kérdések",
        faq=[
            "Biztonságban van a pénzem?|Az ügyfelek pénzét a cég saját vagyonától elkülönítve kezeljük, és az eszközök nagy részét offline tároljuk.",
            "Mennyi ideig tart egy befizetés?|A kártyás befizetések azonnal jóváíródnak, az átutalások általában egy munkanapon belül megérkeznek.",
            "Milyen kriptovalutákat vásárolhatok?|Vásárolhat bitcoint, Ethereumot, Solanát és több mint kétszáz további digitális eszközt.",
        ],
        markets_title="Mai kriptoárfolyamok", table="Eszköz|Árfolyam|24 óra|Piaci kapitalizáció",
        fees_title="Átlátható díjak", fee_labels="Kereskedési díj|Befizetés átutalással|Vásárlás kártyával|Kriptokifizetés",
        payments="Fizessen be {rails} átutalással, Visa vagy Mastercard kártyával.",
        security="Biztonsági csapatunk éjjel-nappal felügyeli a platformot. Az új címekre történő kifizetéseket 24 órára visszatartjuk, hacsak nem erősíti meg őket e-mailben.",
        partner="Csatlakozzon partnerprogramunkhoz, és keressen jutalékot minden ügylet után, amelyet az Ön által ajánlott ügyfelek kötnek.",
        disclaimer="A szolgáltatás nem elérhető az Európai Unió lakosai számára, kivéve, ha az ügyfél saját kezdeményezésére keres meg minket.",
        risk="A kriptoeszközök rendkívül volatilisek, és a befektetett teljes tőkét elveszítheti. A múltbeli teljesítmény nem garancia a jövőbeli eredményekre.",
        company="A {brand} a Seychelle-szigeteken 8123456 számon bejegyzett {brand} Ltd kereskedelmi neve.",
        cookie="Sütiket használunk az élmény javítására és a forgalom elemzésére.|Összes elfogadása",
        footer="Cég|Termékek|Jogi információk|Súgó",
        legal_links="Felhasználási feltételek|Adatvédelmi szabályzat|Sütikezelési szabályzat|Kockázati figyelmeztetés|Panaszkezelés",
        newsletter="Minden pénteken elküldjük a legfontosabb piaci híreket.|E-mail-címe",
    ),
    "ru": dict(
        locale="ru-RU", og="ru_RU", path="ru", endonym="Русский", region="RU", currency="RUB", money=("sv", "{n} ₽"),
        rails="СБП",
        nav="Рынки|Купить криптовалюту|Торговля|Доход|Обучение|Комиссии|Безопасность|Поддержка|Войти|Регистрация",
        hero_title="Покупайте биткоин просто и безопасно|Торгуйте криптовалютой уверенно",
        hero_text="Более 12 миллионов клиентов покупают, продают и хранят цифровые активы на платформе, созданной с заботой о безопасности.|Начните всего с 500 рублей, и ваш первый ордер будет исполнен за несколько секунд в любое время суток.",
        cta="Зарегистрироваться|Купить биткоин|Скачать приложение",
        features=[
            "Низкие комиссии без сюрпризов|Вы платите фиксированную торговую комиссию от 0,10 % и видите полную стоимость до подтверждения. На рыночных ордерах нет скрытых спредов.",
            "Ваши активы под защитой|Мы храним 95 % средств клиентов в холодных кошельках и страхуем остальное от кражи. Двухфакторная аутентификация включена по умолчанию.",
            "Зарабатывайте, пока храните|Стейкайте Ethereum, Solana и Polkadot прямо из своего кошелька и получайте вознаграждения каждую неделю.",
            "Для активных трейдеров|Продвинутые графики, лимитные и стоп-ордера и быстрый API дают вам полный контроль над каждой сделкой.",
        ],
        bonus="Получите приветственный бонус 2000 рублей в биткоинах за первый депозит.|Пригласите друга, и вы оба получите реферальный бонус после его первой сделки.",
        steps_title="Начните за три шага",
        steps="Создайте бесплатный аккаунт с помощью адреса электронной почты.|Подтвердите личность за несколько минут с помощью паспорта.|Пополните счёт банковским переводом или картой и разместите первый ордер.",
        faq_title="Часто задаваемые вопросы",
        faq=[
            "Мои деньги в безопасности?|Средства клиентов хранятся отдельно от средств компании, а большая часть активов находится офлайн.",
            "Сколько времени занимает пополнение?|Платежи картой зачисляются мгновенно, а банковские переводы обычно в течение одного рабочего дня.",
            "Какие криптовалюты можно купить?|Вы можете купить биткоин, Ethereum, Solana и более двухсот других цифровых активов.",
        ],
        markets_title="Курсы криптовалют сегодня", table="Актив|Цена|24 ч|Капитализация",
        fees_title="Прозрачные комиссии", fee_labels="Торговая комиссия|Пополнение банковским переводом|Покупка картой|Вывод криптовалюты",
        payments="Пополняйте счёт через {rails}, Visa или Mastercard.",
        security="Наша служба безопасности круглосуточно следит за платформой. Выводы на новые адреса задерживаются на 24 часа, если вы не подтвердите их по электронной почте.",
        partner="Станьте партнёром нашей партнёрской программы и получайте комиссию с каждой сделки приглашённых клиентов.",
        disclaimer="Услуги не предоставляются резидентам США и Европейского союза.",
        risk="Криптоактивы отличаются высокой волатильностью, и вы можете потерять весь вложенный капитал. Прошлые результаты не гарантируют будущей доходности.",
        company="{brand} — торговая марка компании {brand} Ltd, зарегистрированной на Сейшельских Островах под номером 8123456.",
        cookie="Мы используем файлы cookie, чтобы улучшить работу сайта и анализировать трафик.|Принять все",
        footer="Компания|Продукты|Правовая информация|Помощь",
        legal_links="Условия использования|Политика конфиденциальности|Политика cookie|Предупреждение о рисках|Жалобы",
        newsletter="Получайте новости рынка каждую пятницу на почту.|Ваш адрес электронной почты",
    ),
    "tr": dict(
        locale="tr-TR", og="tr_TR", path="tr", endonym="Türkçe", region="TR", currency="TRY", money=("de", "₺{n}"),
        rails="Papara, FAST",
        nav="Piyasalar|Kripto Al|Al-Sat|Kazan|Öğren|Ücretler|Güvenlik|Destek|Giriş Yap|Kaydol",
        hero_title="Bitcoin almanın en kolay ve güvenli yolu|Kripto paralarla güvenle işlem yapın",
        hero_text="12 milyondan fazla müşteri, güvenlik için tasarlanmış platformumuzda dijital varlık alıyor, satıyor ve saklıyor.|Sadece 100 TL ile başlayın ve ilk emriniz günün her saatinde birkaç saniye içinde gerçekleşsin.",
        cta="Hemen kaydol|Bitcoin al|Uygulamayı indir",
        features=[
            "Düşük ücretler, sürpriz yok|Yüzde 0,10'dan başlayan sabit bir işlem ücreti ödersiniz ve onaylamadan önce toplam maliyeti görürsünüz. Piyasa emirlerinde gizli makas yoktur.",
            "Varlıklarınız koruma altında|Müşteri varlıklarının yüzde 95'ini soğuk cüzdanlarda saklıyor, kalanını hırsızlığa karşı sigortalıyoruz. İki adımlı doğrulama varsayılan olarak açıktır.",
            "Tutarken kazanın|Ethereum, Solana ve Polkadot'u doğrudan cüzdanınızdan stake edin ve her hafta ödül kazanın.",
            "Aktif yatırımcılar için|Gelişmiş grafikler, limit ve stop emirleri ile hızlı bir API, her işlem üzerinde tam kontrol sağlar.",
        ],
        bonus="İlk yatırımınıza özel 500 TL değerinde bitcoin hoş geldin bonusu kazanın.|Bir arkadaşını davet et, ilk işleminden sonra ikiniz de referans bonusu kazanın.",
        steps_title="Üç adımda başlayın",
        steps="E-posta adresinizle ücretsiz hesabınızı oluşturun.|Kimliğinizi birkaç dakika içinde nüfus cüzdanınızla doğrulayın.|Havale veya kartla para yatırın ve ilk emrinizi verin.",
        faq_title="Sıkça sorulan sorular",
        faq=[
            "Param güvende mi?|Müşteri varlıkları şirket varlıklarından ayrı tutulur ve varlıkların büyük bölümü çevrim dışı saklanır.",
            "Para yatırma ne kadar sürer?|Kartla yapılan ödemeler anında, havaleler ise genellikle bir iş günü içinde hesaba geçer.",
            "Hangi kripto paraları alabilirim?|Bitcoin, Ethereum, Solana ve iki yüzden fazla dijital varlık alabilirsiniz.",
        ],
        markets_title="Bugünkü kripto fiyatları", table="Varlık|Fiyat|24 sa|Piyasa değeri",
        fees_title="Şeffaf ücretler", fee_labels="İşlem ücreti|Havale ile yatırma|Kartla alım|Kripto çekme",
        payments="{rails}, Visa veya Mastercard ile para yatırın.",
        security="Güvenlik ekibimiz platformu 7/24 izler. Yeni adreslere yapılan çekimler, e-posta ile onaylamadığınız sürece 24 saat bekletilir.",
        partner="Ortaklık programımıza katılın ve davet ettiğiniz kişilerin her işleminden komisyon kazanın.",
        disclaimer="Hizmetlerimiz Avrupa Birliği sakinlerine yönelik değildir.",
        risk="Kripto varlıklar oldukça oynaktır ve yatırdığınız paranın tamamını kaybedebilirsiniz. Geçmiş performans gelecekteki sonuçların göstergesi değildir.",
        company="{brand}, Seyşeller'de 8123456 numarasıyla kayıtlı {brand} Ltd'nin ticari markasıdır.",
        cookie="Deneyiminizi iyileştirmek ve trafiğimizi analiz etmek için çerezler kullanıyoruz.|Tümünü kabul et",
        footer="Şirket|Ürünler|Yasal|Yardım",
        legal_links="Kullanım koşulları|Gizlilik politikası|Çerez politikası|Risk bildirimi|Şikayetler",
        newsletter="Her cuma piyasa haberlerini e-posta kutunuza gönderelim.|E-posta adresiniz",
    ),
}
EU_LANGS = ("de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "fi", "cs", "ro", "el", "hu")

BRANDS = ("Coinvexa", "Blockmint", "Kryptora", "Nordledger", "Satoshiq", "Bitvale", "Ethora", "Tradelio",
          "Hashpoint", "Vaultix", "Cryptonest", "Ledgerly")
TLDS = ("com", "com", "com", "io", "io", "exchange", "net", "eu", "de", "fr", "pl", "it", "es", "nl")
COINS = (("Bitcoin", "BTC", 67120.0), ("Ethereum", "ETH", 3480.0), ("Tether", "USDT", 1.0), ("BNB", "BNB", 590.0),
         ("Solana", "SOL", 152.3), ("XRP", "XRP", 0.52), ("USD Coin", "USDC", 1.0), ("Cardano", "ADA", 0.45),
         ("Dogecoin", "DOGE", 0.16), ("Toncoin", "TON", 6.8), ("Avalanche", "AVAX", 35.4), ("Polkadot", "DOT", 7.1),
         ("Chainlink", "LINK", 14.2), ("TRON", "TRX", 0.12), ("Litecoin", "LTC", 84.0), ("Polygon", "POL", 0.71),
         ("Shiba Inu", "SHIB", 0.0000245))
RATES = {"USD": 1.0, "EUR": 0.92, "PLN": 3.98, "SEK": 10.6, "DKK": 6.87, "CZK": 23.1, "RON": 4.58, "HUF": 362.0,
         "BRL": 5.05, "RUB": 91.0, "TRY": 32.3}
PICKER = ("EUR – Euro", "USD – US Dollar", "GBP – Pound sterling", "PLN – Polski złoty", "CZK – Česká koruna",
          "SEK – Svensk krona", "HUF – Magyar forint", "RON – Leu românesc", "DKK – Dansk krone", "CHF – Franken",
          "TRY – Türk lirası", "BRL – Real brasileiro")
EXTRA_PHONE_REGIONS = ("GB", "MT", "CY", "IE", "LT", "US", "SG", "AE")
TW = ("flex", "grid", "items-center", "justify-between", "gap-2", "gap-4", "gap-6", "px-4", "px-6", "py-2", "py-3",
      "py-16", "mx-auto", "max-w-7xl", "text-sm", "text-base", "text-lg", "text-3xl", "font-medium", "font-semibold",
      "text-slate-600", "text-slate-900", "dark:text-white", "bg-white", "dark:bg-slate-900", "rounded-xl",
      "shadow-sm", "hover:bg-slate-50", "md:flex", "hidden", "lg:grid-cols-3", "sm:px-6", "lg:px-8", "w-full",
      "border", "border-slate-200", "transition", "duration-150", "leading-7", "tracking-tight", "truncate")
SVG_PATHS = ("M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-1 17.93c-3.95-.49-7-3.85-7-7.93 "
             "0-.62.08-1.21.21-1.79L9 15v1c0 1.1.9 2 2 2v1.93zm6.9-2.54c-.26-.81-1-1.39-1.9-1.39h-1v-3c0-.55-.45-1-1-1H8"
             "v-2h2c.55 0 1-.45 1-1V7h2c1.1 0 2-.9 2-2v-.41c2.93 1.19 5 4.06 5 7.41 0 2.08-.8 3.97-2.1 5.39z",
             "M5 12h14M12 5l7 7-7 7", "M20 6 9 17l-5-5", "M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z",
             "M3 3v18h18M7 14l4-4 4 4 5-5")


def split(value: str) -> list[str]:
    return value.split("|")


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def fmt_number(x: float, style: str, decimals: int = 2) -> str:
    s = f"{x:,.{decimals}f}"
    if style == "en":
        return s
    whole, _, frac = s.partition(".")
    sep = {"de": ".", "fr": "\u202f", "sv": "\u00a0"}[style]
    return sep.join(whole.split(",")) + ("," + frac if frac else "")


def money(lang: dict, usd: float, decimals: int = 2) -> str:
    style, pattern = lang["money"]
    return pattern.format(n=fmt_number(usd * RATES[lang["currency"]], style, decimals))


@dataclass(frozen=True)
class Page:
    url: str
    requested_url: str
    lang: str  # the generated locale key (LANGS)
    body: bytes


def _phone(rng: random.Random, region: str) -> tuple[str, str]:
    """(as printed, tel: target) for a valid number of `region`, its last digits varied."""
    import phonenumbers

    kind = rng.choice((phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE))
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    number = example
    for _ in range(5):
        digits = str(example.national_number)
        candidate = phonenumbers.parse(f"+{example.country_code}{digits[:-3]}{rng.randrange(1000):03d}", None)
        if phonenumbers.is_valid_number(candidate):
            number = candidate
            break
    printed = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if rng.random() < 0.2:
        printed = "00" + printed[1:]
    return printed, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class PageWriter:
    """One page: picks sections and variants with a seeded RNG, writes HTML as real exchange sites do."""

    def __init__(self, rng: random.Random, key: str, target_bytes: int):
        self.rng = rng
        self.key = key
        self.lang = LANGS[key]
        self.target = target_bytes
        self.brand = rng.choice(BRANDS)
        tld = rng.choice(TLDS)
        sub = "www" if rng.random() < 0.8 else rng.choice(("app", "global", "exchange"))
        self.host = f"{sub}.{self.brand.lower()}.{tld}"
        self.origin = f"https://{self.host}"
        slug = rng.choice(("", "", "buy-bitcoin", "fees", "earn", "promotions", "markets", "app", "learn/what-is-bitcoin"))
        prefix = f"/{self.lang['path']}" if self.lang["path"] else ""
        self.url = f"{self.origin}{prefix}/{slug}" if slug else f"{self.origin}{prefix}/"
        self.code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") for _ in range(8))
        self.requested_url = f"{self.url}?ref={self.code}" if rng.random() < 0.15 else self.url
        self.english_chrome = key != "en" and rng.random() < 0.15  # untranslated header, as many sites have
        self.rich = min(1.0, max(0.0, (target_bytes - 18 * 1024) / (44 * 1024)))  # 0 for a lean page, 1 for a heavy one

    def cls(self, n: int = 5) -> str:
        return " ".join(self.rng.sample(TW, n))

    def href(self, path: str) -> str:
        return f"/{self.lang['path']}/{path}" if self.lang["path"] else f"/{path}"

    def icon(self) -> str:
        return (f'<svg class="h-6 w-6 {self.cls(2)}" viewBox="0 0 24 24" fill="none" aria-hidden="true">'
                f'<path fill="currentColor" d="{self.rng.choice(SVG_PATHS)}"/></svg>')

    # --- head ---------------------------------------------------------------------------------------------
    def head(self) -> str:
        lg, rng = self.lang, self.rng
        title = f"{rng.choice(split(lg['hero_title']))} | {self.brand}"
        desc = split(lg["hero_text"])[0]
        parts = [
            '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>", f'<meta name="description" content="{attr(desc)}">',
            f'<meta property="og:title" content="{attr(title)}">', f'<meta property="og:description" content="{attr(desc)}">',
            f'<meta property="og:locale" content="{lg["og"]}">', '<meta property="og:type" content="website">',
            f'<meta property="og:image" content="{self.origin}/static/og/{self.key}.png">',
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:site" content="@{self.brand.lower()}">', '<meta name="theme-color" content="#0b1220">',
            f'<link rel="canonical" href="{self.url}">', f'<link rel="icon" href="{self.origin}/favicon.ico">',
            f'<link rel="preconnect" href="https://cdn.{self.brand.lower()}.com">',
            f'<link rel="preload" as="font" type="font/woff2" crossorigin href="/_next/static/media/inter-{rng.randrange(10**6):06d}.woff2">',
        ]
        parts += [f'<link rel="stylesheet" href="/_next/static/css/{rng.randrange(16**8):08x}.css">' for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.8:
            for key in LANGS:
                loc = LANGS[key]
                parts.append(f'<link rel="alternate" hreflang="{loc["locale"]}" href="{self.origin}/{loc["path"]}{"/" if loc["path"] else ""}">')
            parts.append(f'<link rel="alternate" hreflang="x-default" href="{self.origin}/">')
        org = {"@context": "https://schema.org", "@type": "Organization", "name": self.brand, "url": self.origin,
               "logo": f"{self.origin}/logo.svg",
               "sameAs": [f"https://x.com/{self.brand.lower()}", f"https://t.me/{self.brand.lower()}"]}
        if rng.random() < 0.3:
            org["areaServed"] = rng.sample(["DE", "FR", "ES", "IT", "NL", "PL", "PT", "AT", "BE", "SE", "Worldwide"], 4)
        parts.append(f'<script type="application/ld+json">{json.dumps(org, ensure_ascii=False)}</script>')
        faq = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for q, a in (split(item) for item in lg["faq"])]}
        parts.append(f'<script type="application/ld+json">{json.dumps(faq, ensure_ascii=False)}</script>')
        parts.append(
            "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
            f"j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer','GTM-{rng.randrange(16**6):06X}');</script>")
        parts.append("{CSS}")
        return "<head>" + "\n".join(parts) + "</head>"

    # --- body sections ----------------------------------------------------------------------------------------
    def header(self) -> str:
        lg, rng = self.lang, self.rng
        nav = split(LANGS["en"]["nav"] if self.english_chrome else lg["nav"])
        coins = "".join(
            f'<li><a class="{self.cls(4)}" href="{self.href("price/" + name.lower().replace(" ", "-"))}">'
            f'<img src="/icons/{sym.lower()}.svg" alt="" width="20" height="20"><span>{name}</span> <span class="text-slate-400">{sym}</span></a></li>'
            for name, sym, _ in COINS[: round(17 * self.rich)])
        learn = "".join(
            f'<li><a class="{self.cls(3)}" href="{self.href("learn/article-" + str(i))}">{esc(split(item)[0])}</a></li>'
            for i, item in enumerate(lg["faq"]))
        items = []
        for i, label in enumerate(nav[:8]):
            menu = ""
            if i == 0 and coins:
                menu = f'<div class="{self.cls(5)}"><ul class="grid grid-cols-2 gap-2">{coins}</ul></div>'
            elif i == 4 and self.rich > 0.3:
                menu = f'<div class="{self.cls(5)}"><ul>{learn}</ul></div>'
            items.append(f'<li class="{self.cls(3)}"><a class="{self.cls(6)}" href="{self.href(f"section-{i}")}">{esc(label)}</a>{menu}</li>')
        switcher = self.switcher() if rng.random() < 0.5 + 0.3 * self.rich else ""
        picker = self.picker() if rng.random() < 0.3 + 0.3 * self.rich else ""
        return (f'<header class="{self.cls(6)}"><div class="{self.cls(5)}"><a href="{self.href("")}" aria-label="{self.brand}">'
                f"{self.icon()}<span>{self.brand}</span></a>"
                f'<nav aria-label="Main"><ul class="{self.cls(4)}">{"".join(items)}</ul></nav>'
                f"{switcher}{picker}"
                f'<a class="{self.cls(4)}" href="https://app.{self.brand.lower()}.com/login">{esc(nav[8])}</a>'
                f'<a class="{self.cls(6)}" href="{self.signup_href()}">{esc(nav[9])}</a></div></header>')

    def switcher(self) -> str:
        links = "".join(
            f'<li><a hreflang="{loc["locale"]}" href="{self.origin}/{loc["path"]}{"/" if loc["path"] else ""}" class="{self.cls(3)}">{esc(loc["endonym"])}</a></li>'
            for loc in LANGS.values())
        return (f'<div class="relative"><button type="button" aria-haspopup="true">{esc(self.lang["endonym"])}</button>'
                f'<ul class="{self.cls(5)}" role="menu">{links}</ul></div>')

    def picker(self) -> str:
        options = "".join(f'<option value="{o[:3]}"{" selected" if o[:3] == self.lang["currency"] else ""}>{esc(o)}</option>'
                          for o in PICKER)
        return f'<label class="sr-only" for="ccy">Currency</label><select id="ccy" name="currency" class="{self.cls(4)}">{options}</select>'

    def signup_href(self) -> str:
        r = self.rng.random()
        if r < 0.15:
            return f"{self.origin}/join/{self.code}"
        if r < 0.25:
            return f"https://app.{self.brand.lower()}.com/signup?ref={self.code}&utm_source=site"
        return f"https://app.{self.brand.lower()}.com/signup?lang={self.lang['locale']}"

    def hero(self) -> str:
        lg, rng = self.lang, self.rng
        cta = split(lg["cta"])
        bullets = "".join(f"<li>{self.icon()}<span>{esc(s)}</span></li>" for s in rng.sample(split(lg["steps"]), 2))
        return (f'<section class="{self.cls(6)}"><div class="{self.cls(4)}">'
                f"<h1 class=\"{self.cls(4)}\">{esc(rng.choice(split(lg['hero_title'])))}</h1>"
                f"<p class=\"{self.cls(4)}\">{esc(' '.join(split(lg['hero_text'])))}</p><ul>{bullets}</ul>"
                f'<div class="{self.cls(3)}"><a class="{self.cls(7)}" href="{self.signup_href()}">{esc(cta[0])}</a>'
                f'<a class="{self.cls(7)}" href="{self.href("buy-bitcoin")}">{esc(cta[1])}</a></div>'
                f'<div class="{self.cls(3)}"><a href="https://apps.apple.com/app/id{rng.randrange(10**9, 10**10)}"><img alt="App Store" src="/badges/app-store-{self.key}.svg" width="120" height="40"></a>'
                f'<a href="https://play.google.com/store/apps/details?id=com.{self.brand.lower()}.app"><img alt="Google Play" src="/badges/google-play-{self.key}.svg" width="135" height="40"></a></div>'
                f'</div><picture><source srcset="/img/hero-{self.key}.avif" type="image/avif"><img src="/img/hero-{self.key}.webp" alt="" width="640" height="480" loading="eager"></picture></section>')

    def markets(self) -> str:
        lg, rng = self.lang, self.rng
        head = "".join(f'<th scope="col" class="{self.cls(3)}">{esc(h)}</th>' for h in split(lg["table"]))
        rows = []
        for name, sym, usd in COINS[: rng.randint(5, 7 + round(10 * self.rich))]:
            price = usd * (1 + rng.uniform(-0.03, 0.03))
            decimals = 8 if price < 0.01 else 4 if price < 1 else 2
            change = rng.uniform(-6, 6)
            cap = money(lg, price * rng.uniform(1e8, 2e10), 0)
            rows.append(f'<tr class="{self.cls(3)}"><td><a href="{self.href("price/" + name.lower().replace(" ", "-"))}">'
                        f'<img src="/icons/{sym.lower()}.svg" alt="{sym}" width="24" height="24"> {name} <span>{sym}</span></a></td>'
                        f"<td>{esc(money(lg, price, decimals))}</td>"
                        f'<td class="{"text-green-600" if change >= 0 else "text-red-600"}">{change:+.2f}%</td><td>{esc(cap)}</td>'
                        f'<td><a class="{self.cls(4)}" href="{self.href("trade/" + sym + "-" + lg["currency"])}">{esc(split(lg["nav"])[2])}</a></td></tr>')
        quote = lg["currency"] if lg["currency"] != "USD" else "USDT"
        pairs = " · ".join(f"{sym}/{quote}" for _, sym, _ in COINS[:6] if sym not in ("USDT", "USDC"))
        return (f'<section id="markets" class="{self.cls(5)}"><h2 class="{self.cls(3)}">{esc(lg["markets_title"])}</h2>'
                f'<div class="overflow-x-auto"><table class="{self.cls(4)}"><thead><tr>{head}<th></th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div><p class="{self.cls(3)}">{esc(pairs)}</p></section>')

    def features(self) -> str:
        lg, rng = self.lang, self.rng
        items = rng.sample(lg["features"], len(lg["features"]))
        cards = "".join(f'<div class="{self.cls(5)}">{self.icon()}<h3 class="{self.cls(3)}">{esc(t)}</h3>'
                        f'<p class="{self.cls(3)}">{esc(x)}</p><a href="{self.href("features")}">→</a></div>'
                        for t, x in (split(i) for i in items))
        return (f'<section class="{self.cls(5)}"><h2 class="{self.cls(3)}">{esc(split(lg["hero_title"])[1])}</h2>'
                f'<div class="grid {self.cls(3)}">{cards}</div></section>')

    def promo(self) -> str:
        lg = self.lang
        bonus = split(lg["bonus"])
        return (f'<section class="{self.cls(5)}"><h2>{esc(split(lg["cta"])[1])}</h2>'
                f'<p class="{self.cls(3)}">{esc(bonus[0])}</p><p class="{self.cls(3)}">{esc(bonus[1])}</p>'
                f'<a class="{self.cls(6)}" href="{self.signup_href()}">{esc(split(lg["cta"])[0])}</a>'
                f'<p class="text-xs"><a href="{self.href("promotions/terms")}">{esc(split(lg["legal_links"])[0])}</a></p></section>')

    def steps(self) -> str:
        lg = self.lang
        items = "".join(f'<li class="{self.cls(4)}"><span class="step">{i}</span><p>{esc(s)}</p></li>'
                        for i, s in enumerate(split(lg["steps"]), 1))
        return f'<section class="{self.cls(5)}"><h2>{esc(lg["steps_title"])}</h2><ol class="{self.cls(3)}">{items}</ol></section>'

    def fees(self) -> str:
        lg, rng = self.lang, self.rng
        values = ("0,10 %" if lg["money"][0] != "en" else "0.10%", money(lg, 0, 2), "1,49 %" if lg["money"][0] != "en" else "1.49%",
                  money(lg, rng.choice((0.0, 2.5, 5.0)), 2))
        rows = "".join(f"<tr><th scope=\"row\">{esc(label)}</th><td>{esc(value)}</td></tr>"
                       for label, value in zip(split(lg["fee_labels"]), values, strict=True))
        rails = lg["payments"].format(rails=lg["rails"])
        logos = "".join(f'<img src="/pay/{n}.svg" alt="{n}" width="48" height="32">' for n in ("visa", "mastercard", "applepay", "googlepay"))
        return (f'<section id="fees" class="{self.cls(5)}"><h2>{esc(lg["fees_title"])}</h2><table class="{self.cls(3)}">{rows}</table>'
                f'<p class="{self.cls(3)}">{esc(rails)}</p><div class="{self.cls(3)}">{logos}</div></section>')

    def security(self) -> str:
        lg = self.lang
        return (f'<section class="{self.cls(5)}">{self.icon()}<h2>{esc(split(lg["nav"])[6])}</h2>'
                f'<p class="{self.cls(3)}">{esc(lg["security"])}</p></section>')

    def learn(self) -> str:
        lg = self.lang
        cards = "".join(f'<article class="{self.cls(4)}"><img src="/blog/{i}.webp" alt="" loading="lazy"><h3><a href="{self.href("learn/article-" + str(i))}">{esc(q)}</a></h3>'
                        f"<p>{esc(a)}</p></article>" for i, (q, a) in enumerate(split(item) for item in lg["faq"]))
        return f'<section class="{self.cls(5)}"><h2>{esc(split(lg["nav"])[4])}</h2><div class="grid {self.cls(3)}">{cards}</div></section>'

    def faq(self) -> str:
        lg = self.lang
        items = "".join(f'<details class="{self.cls(4)}"><summary class="{self.cls(3)}">{esc(q)}</summary><p>{esc(a)}</p></details>'
                        for q, a in (split(item) for item in lg["faq"]))
        return f'<section id="faq" class="{self.cls(5)}"><h2>{esc(lg["faq_title"])}</h2>{items}</section>'

    def partner(self) -> str:
        lg = self.lang
        href = (f"https://partners.{self.brand.lower()}.com/r/{self.code}" if self.rng.random() < 0.5
                else f"https://partners.{self.brand.lower()}.com/")
        return (f'<section class="{self.cls(5)}"><p class="{self.cls(3)}">{esc(lg["partner"])}</p>'
                f'<a class="{self.cls(5)}" href="{href}">{esc(split(lg["cta"])[0])}</a></section>')

    def newsletter(self) -> str:
        text, placeholder = split(self.lang["newsletter"])
        return (f'<section class="{self.cls(5)}"><p>{esc(text)}</p><form action="/api/newsletter" method="post">'
                f'<input type="email" name="email" placeholder="{attr(placeholder)}" required><button type="submit">→</button></form></section>')

    def footer(self) -> str:
        lg, rng = self.lang, self.rng
        nav, heads, legal = split(lg["nav"]), split(lg["footer"]), split(lg["legal_links"])
        columns = [
            [(heads[0], None)] + [(x, self.href(x.lower())) for x in ("Blog", "Careers", "Press", "Status")],
            [(heads[1], None)] + [(x, self.href(f"product-{i}")) for i, x in enumerate(nav[:6])] + [("API", "https://docs." + self.brand.lower() + ".com/api")],
            [(heads[2], None)] + [(x, self.href(f"legal/{i}")) for i, x in enumerate(legal)],
            [(heads[3], None)] + [(x, self.href(f"help/{i}")) for i, x in enumerate(split(lg["fee_labels"]) + [nav[7]])],
        ]
        columns = [c[: 4 + round(4 * self.rich)] for c in columns]
        cols = "".join(
            f'<div class="{self.cls(3)}"><h4>{esc(c[0][0])}</h4><ul>'
            + "".join(f'<li><a class="{self.cls(3)}" href="{h}">{esc(t)}</a></li>' for t, h in c[1:])
            + "</ul></div>" for c in columns)
        social = "".join(f'<a href="https://{site}/{self.brand.lower()}" aria-label="{site}">{self.icon()}</a>'
                         for site in ("x.com", "t.me", "www.youtube.com", "www.linkedin.com/company", "www.instagram.com", "discord.gg", "www.tiktok.com/@")[: 3 + round(4 * self.rich)])
        regions = [lg["region"]] + rng.sample(EXTRA_PHONE_REGIONS, rng.randint(1, 3))
        phones = []
        for region in regions:
            printed, e164 = _phone(rng, region)
            phones.append(f'<li><span>{region}</span> <a href="tel:{e164}">{esc(printed)}</a></li>' if rng.random() < 0.6
                          else f"<li><span>{region}</span> {esc(printed)}</li>")
        if rng.random() < 0.2:
            phones.append(f'<li><a href="https://wa.me/{_phone(rng, lg["region"] if lg["region"] != "US" else "IE")[1][1:]}">WhatsApp</a></li>')
        legal_text = [lg["risk"], lg["company"].format(brand=self.brand)]
        if rng.random() < 0.3:
            legal_text.append(lg["disclaimer"])
        if self.key != "en" and rng.random() < 0.25:
            legal_text.append(LANGS["en"]["risk"])
        legal_html = "".join(f'<p class="{self.cls(3)}">{esc(t)}</p>' for t in legal_text)
        switcher = self.switcher() if rng.random() < 0.2 + 0.4 * self.rich else ""
        return (f'<footer class="{self.cls(6)}"><div class="grid {self.cls(4)}">{cols}</div>'
                f'<div class="{self.cls(4)}"><ul class="{self.cls(3)}">{"".join(phones)}</ul>'
                f'<a href="mailto:support@{self.brand.lower()}.com">support@{self.brand.lower()}.com</a></div>'
                f'<div class="{self.cls(4)}">{social}</div>{switcher}<div class="{self.cls(3)}">{legal_html}</div>'
                f'<p class="text-xs">© 2025 {self.brand} Ltd.</p></footer>')

    def cookie_banner(self) -> str:
        text, button = split(self.lang["cookie"])
        return (f'<div id="cookie-banner" role="dialog" class="{self.cls(6)}"><p>{esc(text)} '
                f'<a href="{self.href("legal/2")}">{esc(split(self.lang["legal_links"])[2])}</a></p>'
                f'<button type="button" class="{self.cls(4)}">{esc(button)}</button></div>')

    # --- filler: what makes real pages heavy --------------------------------------------------------------
    def css(self, budget: int) -> str:
        rng, out, size = self.rng, [":root{--brand:#0b5cff;--ink:#0b1220;--muted:#64748b}",
                                     "*,:after,:before{box-sizing:border-box;border:0 solid #e5e7eb}"], 0
        props = ("display:flex", "align-items:center", "margin:0 auto", "padding:12px 16px", "color:var(--ink)",
                 "font:600 14px/1.5 Inter,system-ui,sans-serif", "border-radius:12px", "background:#fff",
                 "box-shadow:0 1px 2px rgba(0,0,0,.05)", "transition:background-color .15s ease", "gap:1rem",
                 "grid-template-columns:repeat(3,minmax(0,1fr))", "max-width:80rem", "overflow:hidden",
                 "text-overflow:ellipsis", "white-space:nowrap", "position:relative", "z-index:10")
        while size < budget:
            sel = f".{rng.choice(TW).replace(':', '_')}-{rng.randrange(16**4):04x}"
            if rng.random() < 0.2:
                sel += f":hover,.{rng.choice(TW).replace(':', '_')}-{rng.randrange(16**4):04x}>a"
            rule = sel + "{" + ";".join(rng.sample(props, rng.randint(2, 6))) + "}"
            if rng.random() < 0.1:
                rule = f"@media (min-width:{rng.choice((640, 768, 1024, 1280))}px){{{rule}}}"
            out.append(rule)
            size += len(rule)
        return "<style>" + "".join(out) + "</style>"

    def scripts(self, budget: int) -> str:
        rng, lg = self.rng, self.lang
        strings = [s for key in ("hero_title", "hero_text", "cta", "nav", "steps", "bonus", "fee_labels") for s in split(lg[key])]
        strings += [x for item in lg["features"] + lg["faq"] for x in split(item)]
        messages, size, n = {}, 0, 0
        while size < budget * 0.55:
            s = rng.choice(strings)
            messages[f"{rng.choice(('home', 'nav', 'markets', 'earn', 'auth', 'footer'))}.{rng.randrange(16**5):05x}"] = s
            size += len(s.encode()) + 16
            n += 1
        state = {"props": {"pageProps": {"locale": lg["locale"], "messages": messages,
                                         "tickers": [{"s": sym, "p": round(usd, 6), "c": round(rng.uniform(-5, 5), 2)} for _, sym, usd in COINS]}},
                 "page": "/[locale]", "buildId": f"{rng.randrange(16**12):012x}", "isFallback": False}
        code, csize = [], 0
        while csize < budget * 0.45:
            a, b = rng.randrange(9999), rng.randrange(9999)
            chunk = rng.choice((
                f"function n{a}(e,t){{var r=e.length;for(var o=0;o<r;o++){{if(e[o].id===t)return e[o]}}return null}}",
                f"var c{a}=function(e){{return e&&e.__esModule?e:{{default:e}}}};",
                f"t.d(r,{{Z:function(){{return i{b}}}}});var i{b}=(0,o.memo)(function(e){{return(0,a.jsx)(\"div\",{{className:\"x{b}\",children:e.children}})}});",
                f"window.__bq=window.__bq||[];window.__bq.push([\"event\",\"view_{a}\",{{ts:Date.now(),v:{b}}}]);",
                f"if(\"IntersectionObserver\"in window){{var io{a}=new IntersectionObserver(function(e){{e.forEach(function(x){{x.isIntersecting&&x.target.classList.add(\"in\")}})}})}}",
            ))
            code.append(chunk)
            csize += len(chunk)
        return (f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state, ensure_ascii=False)}</script>'
                f'<script>{"".join(code)}</script>'
                f'<script src="/_next/static/chunks/main-{rng.randrange(16**8):08x}.js" defer></script>'
                '<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"></noscript>')

    def write(self) -> Page:
        rng = self.rng
        sections = [self.hero(), self.markets(), self.features()]
        optional = [(self.promo, 0.7), (self.steps, 0.8), (self.fees, 0.6), (self.security, 0.7), (self.learn, 0.5),
                    (self.faq, 0.8), (self.partner, 0.35), (self.newsletter, 0.6)]
        sections += [make() for make, p in optional if rng.random() < p * (0.6 + 0.4 * self.rich)]
        head, header, footer, cookie = self.head(), self.header(), self.footer(), self.cookie_banner()

        def assemble() -> str:
            body = (f'<body class="{self.cls(4)}"><a class="sr-only" href="#main">Skip</a>{header}'
                    f'<main id="main">{"".join(sections)}</main>{footer}{cookie}{{SCRIPTS}}</body>')
            return f'<!DOCTYPE html><html lang="{self.lang["locale"]}" dir="ltr" class="scroll-smooth">{head}{body}</html>'

        doc = assemble()
        while len(doc.encode()) > self.target - 4096 and len(sections) > 3:  # a lean page has fewer sections
            sections.pop(rng.randrange(3, len(sections)))
            doc = assemble()
        filler = max(3072, self.target - len(doc.encode()))
        css_share = rng.uniform(0.3, 0.5)
        doc = doc.replace("{CSS}", self.css(int(filler * css_share)), 1)
        doc = doc.replace("{SCRIPTS}", self.scripts(int(filler * (1 - css_share))), 1)
        return Page(self.url, self.requested_url, self.key, doc.encode("utf-8"))


def generate_corpus(n: int, seed: int) -> list[Page]:
    rng = random.Random(seed)
    keys = list(LANGS)
    weights = [3.0 if k == "en" else 1.0 for k in keys]
    pages = []
    for i in range(n):
        key = keys[i] if i < len(keys) else rng.choices(keys, weights)[0]  # every locale at least once
        target = int(min(62, max(19, rng.triangular(16, 64, 34))) * 1024)
        pages.append(PageWriter(random.Random(rng.randrange(2**32)), key, target).write())
    return pages


# ---------------------------------------------------------------------------------------------------------------
# The two pipelines
# ---------------------------------------------------------------------------------------------------------------


def footprint_pass(pages: list[Page], ctx) -> list[tuple]:
    from detectors.analyze import analyze_documents
    from detectors.document import build_document

    out = []
    for page in pages:
        doc = build_document(channel="website", requested_url=page.requested_url, url=page.url, status=200,
                             fetched_at=FETCHED_AT, content_type="text/html; charset=utf-8", body=page.body)
        out.append((doc, analyze_documents([doc], ctx)))
    return out


@dataclass
class BaselineResult:
    language: str
    hits: dict[str, set[str]] = field(default_factory=dict)  # family -> distinct values, as footprint dedupes


class Baseline:
    """The newcomer's version: BeautifulSoup(html.parser) + langdetect, and footprint's own rules on the result."""

    INVISIBLE = ["script", "style", "noscript", "template", "svg", "iframe"]

    def __init__(self, geo):
        from langdetect import DetectorFactory

        from detectors import currency, payment
        from detectors.lexicon import phrase_lexicon

        DetectorFactory.seed = 0
        self.geo = geo
        self.phrases = [("PROMO", phrase_lexicon("promo"), True), ("BONUS", phrase_lexicon("bonus"), True),
                        ("DISCLAIMER", phrase_lexicon("disclaimer"), False),
                        ("AFFILIATE", phrase_lexicon("partner_programme"), True)]
        self.currency = currency._rules()
        self.payment = payment._rails()

    def run(self, pages: list[Page]) -> list[BaselineResult]:
        return [self.page(p) for p in pages]

    def page(self, page: Page) -> BaselineResult:
        fields = self.extract(self.parse(page), page)
        return BaselineResult(self.language(fields["text"]), self.rules(page, **fields))

    @staticmethod
    def parse(page: Page):
        from bs4 import BeautifulSoup

        return BeautifulSoup(page.body.decode("utf-8", errors="replace"), "html.parser")

    def extract(self, soup, page: Page) -> dict:
        """The fields of footprint's Document: <html lang>, title, meta, hreflang, links, headings, options, JSON-LD,
        visible text (title, meta, headings and JSON-LD feed footprint's SEO detector, which the baseline skips)."""
        root = soup.find("html")
        html_lang = (root.get("lang") or "").strip() if root else ""
        base_tag = soup.find("base", href=True)
        base_url = urljoin(page.url, base_tag["href"]) if base_tag else page.url
        title = " ".join(soup.title.get_text().split()) if soup.title else ""
        meta = []
        for tag in soup.find_all("meta", attrs={"content": True}):
            key = tag.get("name") or tag.get("property") or tag.get("http-equiv") or tag.get("itemprop")
            if key:
                meta.append((key.strip().lower(), " ".join(tag["content"].split())))
        alternates = [(tag["hreflang"].strip(), urljoin(base_url, tag["href"]))
                      for tag in soup.find_all("link", attrs={"hreflang": True, "href": True})
                      if "alternate" in [r.lower() for r in tag.get("rel") or []]]
        links = []
        for a in soup.find_all(["a", "area"], href=True):
            href = a["href"].strip()
            if not href or href.startswith(("#", "javascript:", "data:")):
                continue
            target = href if href.startswith(("tel:", "mailto:")) else urljoin(base_url, href)
            links.append((target, " ".join(a.get_text(" ").split())[:200]))
        headings = [" ".join(h.get_text(" ").split()) for h in soup.find_all(["h1", "h2", "h3"])]
        options = [" ".join(o.get_text(" ").split()) for o in soup.select("select option")]
        json_ld = [t.get_text() for t in soup.find_all("script", attrs={"type": "application/ld+json"}) if t.get_text().strip()]
        for tag in soup.find_all(self.INVISIBLE):
            if not tag.decomposed:
                tag.decompose()
        body = soup.body or soup
        lines = (" ".join(line.split()) for line in body.get_text("\n").split("\n"))
        text = "\n".join(line for line in lines if line)
        return dict(html_lang=html_lang, title=title, meta=meta, headings=headings, alternates=alternates,
                    links=links, text=text, options=options, json_ld=json_ld)

    @staticmethod
    def language(text: str) -> str:
        from langdetect import detect
        from langdetect.lang_detect_exception import LangDetectException

        from detectors import lang

        # The same sample as footprint's LANG: at least MIN_TEXT characters, prose lines first, at most MAX_TEXT.
        if len(text) < lang.MIN_TEXT:
            return ""
        prose_line = getattr(lang, "PROSE_LINE", 0)
        prose = "\n".join(line for line in text.split("\n") if len(line) >= prose_line) if prose_line else text
        try:
            return detect((prose if len(prose) >= lang.MIN_TEXT else text)[: lang.MAX_TEXT])
        except LangDetectException:
            return ""

    def rules(self, page, *, html_lang, title, meta, headings, alternates, links, text, options,
              json_ld) -> dict[str, set[str]]:
        import phonenumbers

        from detectors.affiliate import referral_evidence
        from detectors.locales import locale_targets, parse_locale
        from detectors.phone import _CANDIDATE, _parse
        from detectors.text import is_negated, is_quoted

        hits: dict[str, set[str]] = {f: set() for f in FAMILIES}
        parsed = parse_locale(html_lang) if html_lang else None
        own = parsed[0] if parsed else ""
        for family, lexicon, filtered in self.phrases:
            # A newcomer scans each family with one regex of all its phrases (footprint's reference matcher,
            # tested to give the same matches as the word index footprint uses on its hot path).
            for m in lexicon.find_with_regex(text):
                language = m.language_for(own)
                if filtered and (is_negated(text, m.start, language) or is_quoted(text, m.start, m.end)):
                    continue
                hits[family].add(" ".join(m.text.lower().split()))
        rules = self.currency
        for m in rules.amount.finditer(text):
            code = rules.by_token.get((m.group("lead") or m.group("unit") or "").lower())
            if code:
                hits["CURRENCY"].add(code)
        for m in rules.pair.finditer(text):
            hits["CURRENCY"].add(m.group("code"))
        for option in options:
            code = rules.by_token.get(option.strip().split(" ")[0].lower())
            if code:
                hits["CURRENCY"].add(code)
        hits["CURRENCY"] = {c for c in hits["CURRENCY"] if self.geo.states_by_currency.get(c)}
        folded, exact, rails = self.payment
        for regex in (folded, exact):
            for m in regex.finditer(text):
                hits["PAYMENT"].add(rails[int((m.lastgroup or "r0")[1:])].name)
        numbers = []
        for url, _ in links:
            if url.startswith("tel:"):
                numbers.append(_parse(unquote(url[4:])))
            elif (urlsplit(url).hostname or "") in ("wa.me", "api.whatsapp.com"):
                digits = "".join(c for c in urlsplit(url).path if c.isdigit())
                numbers.append(_parse("+" + digits) if digits else None)
        numbers += [_parse(m.group(0)) for m in _CANDIDATE.finditer(text)]
        for number in numbers:
            if number and self.geo.is_member(phonenumbers.region_code_for_number(number) or ""):
                hits["PHONE"].add(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        for url in [u for u, _ in links] + [page.requested_url]:
            evidence = referral_evidence(url)
            if evidence:
                hits["AFFILIATE"].add(f"{evidence[0]}: {evidence[1]}")
        for hreflang, _ in alternates:
            p = parse_locale(hreflang)
            tag = (f"{p[0]}-{p[1]}" if p[1] else p[0]) if p else ""
            if tag and locale_targets(tag, self.geo):
                hits["HREFLANG"].add(tag)
        return hits


# ---------------------------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------------------------


def one_core() -> str:
    """Limit BLAS to one thread (before numpy is imported) and pin the process to one CPU."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def revision() -> str:
    """The footprint commit measured, "+dirty" when detectors/ has uncommitted changes."""
    import subprocess

    try:
        sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "detectors"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return sha + ("+dirty" if dirty else "")


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"machine: {platform.platform()} | Python {platform.python_version()} ({platform.python_implementation()}) "
            f"| CPU {model} | nproc {nproc}")


def timed(fn) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def interleaved(fns: dict[str, object], runs: int) -> dict[str, tuple[list[float], object]]:
    """Run each pipeline `runs` times, alternating (A B A B ...) so that a slow spell of a shared virtual machine
    weighs on both alike; keep every time and the last output."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    outputs: dict[str, object] = {}
    for _ in range(runs):
        for name, fn in fns.items():
            outputs[name] = None  # the previous output must not weigh on this run's garbage collections
            secs, outputs[name] = timed(fn)
            times[name].append(secs)
    return {name: (times[name], outputs[name]) for name in fns}


def profile(label: str, fn, top: int) -> None:
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    for order in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(order).print_stats(top)
        lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
        start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
        print(f"\n--- profile {label}, by {order} (one pass) ---")
        print("\n".join(lines[start - 1: start + top + 1]))


def stage_breakdown(pages: list[Page], ctx, baseline: Baseline) -> None:
    """Time per stage over one pass, each stage run as the timed pipelines run it and in the same order (so caches
    are as warm or cold as there: the first phrase family, for example, pays for the shared word index)."""
    import detectors.lang as lang_module
    from detectors.analyze import detectors
    from detectors.document import build_document

    fp: Counter = Counter()
    bl: Counter = Counter()
    clock = time.perf_counter
    lang_id = [0.0]  # py3langid's share of the LANG detector, timed inside it
    text_language = lang_module.text_language

    def timed_text_language(*a, **kw):
        t = clock()
        try:
            return text_language(*a, **kw)
        finally:
            lang_id[0] += clock() - t

    lang_module.text_language = timed_text_language
    try:
        for page in pages:
            t = clock()
            doc = build_document(channel="website", requested_url=page.requested_url, url=page.url, status=200,
                                 fetched_at=FETCHED_AT, content_type="text/html; charset=utf-8", body=page.body)
            fp["parse: build_document (selectolax)"] += clock() - t
            for name, detect_fn in detectors().items():
                t = clock()
                detect_fn(doc, ctx)
                fp[f"rules: detector {name}"] += clock() - t

            t0 = clock()
            soup = baseline.parse(page)
            t1 = clock()
            fields = baseline.extract(soup, page)
            t2 = clock()
            baseline.language(fields["text"])
            t3 = clock()
            baseline.rules(page, **fields)
            t4 = clock()
            bl["parse: BeautifulSoup(html.parser)"] += t1 - t0
            bl["parse: find_all fields + get_text"] += t2 - t1
            bl["language: langdetect"] += t3 - t2
            bl["rules: footprint's matchers"] += t4 - t3
    finally:
        lang_module.text_language = text_language
    fp["language: py3langid (in detector LANG)"] = lang_id[0]
    fp["rules: detector LANG"] -= lang_id[0]
    n = len(pages)
    for label, table in (("footprint", fp), ("baseline", bl)):
        print(f"\n--- stage times, {label} ({n} pages, one pass, language on at most {lang_module.MAX_TEXT} characters) ---")
        for name, secs in sorted(table.items(), key=lambda kv: -kv[1]):
            print(f"{name:42s} {secs:7.3f} s {1000 * secs / n:7.2f} ms/page")
    own = {k: sum(v for name, v in t.items() if name.startswith(("parse", "language"))) for k, t in (("fp", fp), ("bl", bl))}
    rules = {k: sum(v for name, v in t.items() if name.startswith("rules")) for k, t in (("fp", fp), ("bl", bl))}
    print(f"\nparse + language identification only: footprint {1000 * own['fp'] / n:.2f} ms/page, baseline "
          f"{1000 * own['bl'] / n:.2f} ms/page ({own['bl'] / own['fp']:.1f}x); rules: footprint "
          f"{1000 * rules['fp'] / n:.2f} ms/page (every detector), baseline {1000 * rules['bl'] / n:.2f} ms/page "
          "(the shared families)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in the generated corpus (default 300)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per pipeline, best kept (default 3)")
    parser.add_argument("--quick", action="store_true", help="a small run: 40 pages, 1 run")
    parser.add_argument("--seed", type=int, default=20250115, help="corpus seed")
    parser.add_argument("--stages", action="store_true", help="also print time per stage (parse, language, rules)")
    parser.add_argument("--profile", action="store_true", help="also print stage times and cProfile top functions")
    args = parser.parse_args(argv)
    if args.quick:
        args.pages, args.runs = min(args.pages, 40), 1

    print(machine())  # before pinning, so that nproc is the machine's
    pinning = one_core()
    print(f"footprint {revision()}; single process, {pinning}, BLAS threads 1, gc enabled, best of {args.runs} interleaved run(s)")

    from detectors.context import Context
    from detectors.lang import text_language

    pages = generate_corpus(args.pages, args.seed)
    sizes = [len(p.body) / 1024 for p in pages]
    by_lang = Counter(p.lang for p in pages)
    print(f"corpus: {len(pages)} pages, seed {args.seed}, {sum(sizes) / 1024:.1f} MiB, KiB/page min {min(sizes):.1f} "
          f"median {statistics.median(sizes):.1f} mean {statistics.mean(sizes):.1f} max {max(sizes):.1f}; "
          f"{len(by_lang)} locales: " + " ".join(f"{k}:{v}" for k, v in sorted(by_lang.items())))

    ctx = Context()
    baseline = Baseline(ctx.geo)
    warm = [next(p for p in pages if p.lang == key) for key in LANGS if any(p.lang == key for p in pages)]
    footprint_pass(warm, ctx)  # loads py3langid, compiles lexicons, babel and tldextract data
    baseline.run(warm)  # loads langdetect's profiles

    measured = interleaved({"footprint": lambda: footprint_pass(pages, ctx), "baseline": lambda: baseline.run(pages)},
                           args.runs)
    (fp_times, fp_out), (bl_times, bl_out) = measured["footprint"], measured["baseline"]
    fp_best, bl_best = min(fp_times), min(bl_times)

    # Sanity (untimed): same languages, same hits?
    fp_lang = Counter()
    fp_hits, bl_hits = Counter(), Counter()
    agree_fp = agree_bl = 0
    for page, (doc, findings), res in zip(pages, fp_out, bl_out, strict=True):
        ident = text_language(doc.text, ctx)
        label = ident[0] if ident else "-"
        fp_lang[label] += 1
        truth = page.lang.split("-")[0]
        agree_fp += label == truth
        agree_bl += res.language.split("-")[0] == truth
        fp_hits.update(f.indicator for f in findings if f.indicator in FAMILIES)
        bl_hits.update({f: len(v) for f, v in res.hits.items()})
    bl_lang = Counter(r.language or "-" for r in bl_out)
    truth = Counter(p.lang.split("-")[0] for p in pages)
    labels = sorted(set(truth) | set(fp_lang) | set(bl_lang))
    print("sanity, pages per text language (generated/footprint/baseline): "
          + " ".join(f"{k} {truth[k]}/{fp_lang[k]}/{bl_lang[k]}" for k in labels)
          + f"; matching the generated language: footprint {agree_fp}/{len(pages)}, baseline {agree_bl}/{len(pages)}")
    print("sanity, hits (footprint/baseline): " + " ".join(f"{f} {fp_hits[f]}/{bl_hits[f]}" for f in FAMILIES)
          + f"; total {sum(fp_hits.values())}/{sum(bl_hits.values())}"
          + f" (footprint also found {sum(len(f) for _, f in fp_out) - sum(fp_hits.values())} LANG/SEO/DOMAIN findings)")

    if args.stages or args.profile:
        stage_breakdown(pages, ctx, baseline)
    if args.profile:
        profile("footprint", lambda: footprint_pass(pages, ctx), 25)
        profile("baseline", lambda: baseline.run(pages), 25)

    n = len(pages)
    fp_rate, bl_rate = n / fp_best, n / bl_best
    kib = statistics.mean(sizes)
    print()
    print(f"{'pipeline':38s} {'pages':>6s} {'KiB/page':>9s} {'pages/s':>9s} {'ms/page':>8s}  runs (s)")
    print(f"{'footprint (selectolax + py3langid)':38s} {n:6d} {kib:9.1f} {fp_rate:9.1f} {1000 / fp_rate:8.2f}  "
          + " ".join(f"{t:.2f}" for t in fp_times))
    print(f"{'baseline (bs4 html.parser + langdetect)':38s} {n:6d} {kib:9.1f} {bl_rate:9.1f} {1000 / bl_rate:8.2f}  "
          + " ".join(f"{t:.2f}" for t in bl_times))
    print(f"ratio: {fp_rate / bl_rate:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
