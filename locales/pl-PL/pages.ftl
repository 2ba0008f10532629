# Logowanie
signin-title = Logowanie
signin-intro = Zaloguj się kontem partnera.
signin-email = Adres e-mail
signin-password = Hasło
signin-submit = Zaloguj się
signin-expired = Formularz logowania wygasł. Zaloguj się ponownie.
signin-missing = Wpisz adres e-mail i hasło.
signin-failed = Adres e-mail lub hasło są nieprawidłowe albo konto jest chwilowo zablokowane. Spróbuj ponownie.

# Komunikaty
toast-subscription-suspended = Wstrzymano subskrypcję.{ $addons ->
    [0] {""}
    [one] {" "}Wstrzymano razem z nią { $addons } dodatek.
    [few] {" "}Wstrzymano razem z nią { $addons } dodatki.
   *[many] {" "}Wstrzymano razem z nią { $addons } dodatków.
}
toast-subscription-reactivated = Ponownie aktywowano subskrypcję.{ $addons ->
    [0] {""}
    [one] {" "}Aktywowano razem z nią { $addons } dodatek.
    [few] {" "}Aktywowano razem z nią { $addons } dodatki.
   *[many] {" "}Aktywowano razem z nią { $addons } dodatków.
}
toast-reservation-cancelled = Anulowano rezerwację platformy Azure „{ $name }”.
toast-software-cancelled = Anulowano zakup oprogramowania „{ $name }”.
toast-relationship-removed = Usunięto relację odsprzedawcy z klientem { $name }. Klient nie jest już na Twojej liście klientów, a zakupy dla niego są zablokowane.{ $dap ->
    [1] {" "}Odebrano uprawnienia administratora delegowanego.
   *[0] {""}
}{ $contacts ->
    [0] {""}
    [one] {" "}Usunięto { $contacts } wyznaczenie kontaktu pomocy technicznej.
    [few] {" "}Usunięto { $contacts } wyznaczenia kontaktów pomocy technicznej.
   *[many] {" "}Usunięto { $contacts } wyznaczeń kontaktów pomocy technicznej.
}
toast-dap-removed = Usunięto uprawnienia administratora delegowanego. Relacja odsprzedawcy pozostaje.

# Nagłówek klienta
breadcrumb = Ścieżka nawigacji
badge-reseller = Odsprzedawca
badge-dap = Administrator delegowany
badge-no-relationship = Brak relacji
customer-no-relationship = Brak relacji odsprzedawcy
customer-no-relationship-since = Brak relacji odsprzedawcy od { $date }
customer-no-relationship-explained = Tego klienta nie ma na Twojej liście klientów, uprawnienia administratora delegowanego są odebrane, a zakupy są zablokowane. Relację można przywrócić tylko za pomocą żądania relacji zaakceptowanego przez administratora klienta.
customer-tabs = Klient
tab-subscriptions = Subskrypcje
tab-account = Konto

# Klienci
customers-subtitle = Klienci, z którymi { $partner } ma relację odsprzedawcy.
request-relationship = Poproś o relację odsprzedawcy
customers-search-label = Szukaj według nazwy firmy lub domeny
customers-search-placeholder = Nazwa firmy lub domena
customers-search-submit = Szukaj
customers-empty = Nie masz jeszcze klientów z relacją odsprzedawcy.
customers-no-match = Nazwa ani domena żadnego klienta nie zaczyna się od „{ $query }”.
col-company-name = Nazwa firmy
col-primary-domain = Domena podstawowa
col-relationship = Relacja
col-active-subscriptions = Aktywne subskrypcje
pager = Strony
pager-first = Pierwsza strona
pager-next = Następna strona
count-subscriptions = { $count ->
    [one] { $count } subskrypcja
    [few] { $count } subskrypcje
   *[many] { $count } subskrypcji
}

# Karta Subskrypcje
subscriptions-empty = Brak subskrypcji.
col-offer = Oferta
col-commerce-type = Typ handlu
col-quantity = Liczba
col-term = Okres
col-status = Stan
col-purchased = Data zakupu
col-name = Nazwa
col-sku = SKU
col-region = Region
col-actions = Akcje
col-product = Produkt
col-order = Zamówienie
addon-marker = dodatek
reservations-title = Rezerwacje platformy Azure
reservations-empty = Brak rezerwacji platformy Azure.
software-title = Zakupy oprogramowania
software-empty = Brak zakupów oprogramowania.
add-subscription-title = Dodaj subskrypcję
add-subscription-blocked = Zakupy dla tego klienta są zablokowane: nie ma z Tobą relacji odsprzedawcy.
buy = Kup
item-active = Aktywna
item-cancelled = Anulowana
cancelled-on = Anulowano { $date }
reservation-cancel-confirm = Anulować rezerwację platformy Azure „{ $name }”? Tej operacji nie można cofnąć.
reservation-cancel-hidden = rezerwację { $name }
software-cancel-confirm = Anulować zakup oprogramowania „{ $name }”? Tej operacji nie można cofnąć.
software-cancel-hidden = zakup { $name }
software-window-ended = Okres anulowania (30 dni) minął

# Subskrypcja
subscription-back = ← Wszystkie subskrypcje
subscription-term-billed = { $term }, rozliczanie { $cycle }
subscription-last-changed = Ostatnia zmiana
subscription-suspended-at = Wstrzymano
subscription-addon-of = Dodatek do
subscription-addons = Dodatki
subscription-suspended-billed = Wstrzymane subskrypcje nowego środowiska handlowego są nadal rozliczane do końca okresu.
submit = Prześlij
subscription-suspend-addons = Wstrzymanie wstrzymuje też jej aktywne dodatki.
subscription-status-role = Zmiana stanu wymaga roli Administrator globalny, Agent administracyjny lub Agent sprzedaży.
subscription-cancel-window = Subskrypcje nowego środowiska handlowego można anulować w ciągu 7 dni od zakupu: do { $until } ({ $days ->
    [one] został { $days } dzień
   *[other] zostało { $days } dni
}).
subscription-cancel = Anuluj subskrypcję
addon-title = Dodaj dodatek
addon-label = Dodatek
addon-buy = Kup dodatek
support-contact-title = Wyznaczony kontakt pomocy technicznej
support-contact-label = Kontakt pomocy technicznej
none-designated = Nie wyznaczono
none = Brak
save = Zapisz

# Karta Konto
account-company-details = Dane firmy
account-microsoft-id = Identyfikator Microsoft
account-country = Kraj
account-relationship-to-partner = Relacja z partnerem
account-dap = Uprawnienia administratora delegowanego
account-dap-granted = Przyznane
account-dap-not-granted = Nieprzyznane
account-dap-remove = Usuń uprawnienia administratora delegowanego
account-dap-remove-confirm = Usunąć uprawnienia administratora delegowanego dla { $name }? Relacja odsprzedawcy pozostanie.
account-reseller-since = Odsprzedawca od
account-removed = Usunięto
account-invite-again = Zaproś ponownie do relacji odsprzedawcy
account-support-contacts = Kontakty pomocy technicznej
account-contact-user = { $name } ({ $partner })
account-contact-for = dla
account-contact-subscription = subskrypcji
remove-relationship = Usuń relację odsprzedawcy
account-prepare-removal = Przygotuj do usunięcia: wstrzymaj i anuluj wszystko…
account-activity = Aktywność
account-all-activity = Cała aktywność tego klienta
account-activity-empty = Dla tego klienta nic jeszcze nie zarejestrowano.
account-activity-caption = Najnowsze wpisy dziennika aktywności dla { $name } (liczba: { $count })
col-date-time = Data i godzina
col-operation = Operacja
col-user = Użytkownik
col-change = Stara → nowa wartość
status-failed = Niepowodzenie
status-succeeded = Powodzenie
change-none = (brak)

# Potwierdzenie usunięcia
remove-confirm-title = Usunąć relację odsprzedawcy z { $name }?
remove-confirm-intro = Usunięcie relacji:
remove-consequence-list = usuwa { $name } z Twojej listy klientów;
remove-consequence-contacts = usuwa { $partner } z kontaktów pomocy technicznej klienta
remove-consequence-designations = ({ $count ->
    [one] { $count } wyznaczenie
    [few] { $count } wyznaczenia
   *[many] { $count } wyznaczeń
})
remove-consequence-dap = usuwa uprawnienia administratora delegowanego dla klienta
remove-consequence-dap-not-granted = (obecnie nieprzyznane)
remove-consequence-purchases = uniemożliwia przyszłe zakupy dla klienta.
remove-confirm-hint = Relację można później przywrócić tylko za pomocą żądania relacji zaakceptowanego przez administratora klienta.
back-to-account = Wróć do konta
invitation-link-invalid = Ten link zaproszenia jest nieprawidłowy. Sprawdź, czy skopiowano go w całości.

# Użytkownicy i role
users-subtitle = Osoby, które logują się do PartnerDesk w imieniu { $partner }, oraz ich role.
users-add = Dodaj użytkownika
users-empty = Nie ma jeszcze użytkowników.
users-caption = Użytkownicy { $partner }
users-roles = Role
users-sign-in = Logowanie
users-you = (Ty)
users-active = Aktywny
users-disabled = Wyłączony
users-locked = Zablokowany
users-locked-until = do { $until }{ $failures ->
    [0] {""}
    [one] ; { $failures } nieudana próba
    [few] ; { $failures } nieudane próby
   *[many] ; { $failures } nieudanych prób
}
users-locked-until-after = do { $until } po { $failures ->
    [one] { $failures } nieudanej próbie
   *[other] { $failures } nieudanych próbach
}
users-failed-since = { $failures ->
    [one] { $failures } nieudana próba od ostatniego logowania
    [few] { $failures } nieudane próby od ostatniego logowania
   *[many] { $failures } nieudanych prób od ostatniego logowania
}
users-no-failures = Brak nieudanych prób
users-added = Dodano
users-add-subtitle = Nowy użytkownik otrzyma hasło jednorazowe, pokazane tylko raz na następnej stronie.
users-email-address = Adres e-mail
users-roles-legend = Role (co najmniej jedna)
users-only-ga-customer-roles = Tylko Administrator globalny może nadawać i odbierać role dające dostęp do klientów (wszystkie role oprócz roli Administrator zarządzania użytkownikami).
users-own-roles = Nie możesz zmienić własnych ról: może to zrobić inny Administrator globalny.
users-domains = Zweryfikowane domeny
users-domains-hint = Nowi użytkownicy muszą mieć adres e-mail w jednej z tych domen. Domeny dodaje operator PartnerDesk.
users-domains-none = Jeszcze żadnej, więc nie można dodać użytkownika: poproś operatora PartnerDesk o dodanie Twojej domeny.
users-email-domains = Dozwolone domeny adresu: { $domains }.
users-only-ga-changes = Tylko Administrator globalny może zmienić konto Administratora globalnego.
users-roles-hint = Zmiana ról wylogowuje użytkownika wszędzie, więc nowe role obowiązują od razu.
users-save-roles = Zapisz role
users-cannot-disable-self = Nie możesz wyłączyć własnego konta.
users-disable-confirm = Wyłączyć użytkownika { $name }? Zostanie od razu wylogowany i nie zaloguje się, dopóki konto nie zostanie ponownie włączone.
users-disable-hint = Wyłączony użytkownik jest od razu wylogowywany i nie może się zalogować.
users-disable = Wyłącz użytkownika
users-enable-hint = Włączenie pozwala użytkownikowi ponownie logować się swoim hasłem.
users-enable = Włącz użytkownika
users-own-password = Własne hasło zmienisz w sekcji
users-reset-confirm = Zresetować hasło użytkownika { $name }? Obecne hasło przestanie działać, a użytkownik zostanie wszędzie wylogowany.
users-reset-hint = Użytkownik otrzyma nowe hasło jednorazowe, pokazane Ci tylko raz. Obecne hasło przestanie działać, blokada logowania zostanie zdjęta, a użytkownik zostanie wszędzie wylogowany.
users-reset = Zresetuj hasło
users-added-title = Dodano użytkownika
users-reset-title = Zresetowano hasło
users-one-time-password = Hasło jednorazowe
users-shown-once = To hasło jest pokazywane tylko raz.
users-hand-over = Przekaż je użytkownikowi { $name } w bezpieczny sposób: osobiście lub zaufanym kanałem, nigdy razem z adresem e-mail w jednej wiadomości. PartnerDesk przechowuje tylko jego skrót: jeśli hasło zginie, zresetuj je ponownie. Poproś o wybranie własnego hasła w sekcji Zmień hasło po zalogowaniu.
users-sign-in-name = Adres e-mail (nazwa logowania)
users-back = Wróć do listy użytkowników

# Dziennik aktywności
activity-subtitle = Wszystkie zmiany i odrzucone próby użytkowników { $partner }, od najnowszych.
activity-from = Od
activity-to = Do
activity-customer-prefix = Nazwa klienta zaczyna się od
activity-customer-placeholder = Nazwa firmy
activity-all-operations = Wszystkie operacje
activity-all-users = Wszyscy użytkownicy
activity-show = Pokaż
activity-dates-hint = Daty to pełne dni w UTC, obie włącznie. Pozostaw datę początkową pustą, aby zobaczyć całą historię.
activity-only-for = Tylko aktywność dla
activity-show-all-customers = Pokaż wszystkich klientów
activity-last-30-days = Pokaż ostatnie 30 dni
activity-empty = Żadna aktywność nie pasuje do tych filtrów.
activity-col-customer = Klient
activity-not-your-customer = Nie jest Twoim klientem
activity-download-csv = Pobierz jako CSV
activity-user-choice = { $name } ({ $email })
csv-time = Czas (UTC)
csv-customer = Klient
csv-customer-id = Identyfikator klienta
csv-operation = Operacja
csv-operation-code = Kod operacji
csv-user = Użytkownik
csv-status = Stan
csv-old-value = Stara wartość
csv-new-value = Nowa wartość
csv-resource-type = Typ zasobu
csv-resource-id = Identyfikator zasobu
csv-request-id = Identyfikator żądania

# Zmiana hasła
password-subtitle = Zmiana hasła wylogowuje Cię wszędzie indziej.
password-current = Obecne hasło
password-new = Nowe hasło
password-hint = Od 8 do 128 znaków, trudne do odgadnięcia: dobrze sprawdza się kilka niepowiązanych słów. Popularne hasła, wzory oraz Twoje imię lub nazwa firmy są odrzucane.
password-again = Powtórz nowe hasło

# Przygotowanie do usunięcia
offboarding-title = Przygotowanie do usunięcia
offboarding-nothing-left = Nie zostało nic do wstrzymania ani anulowania.
offboarding-intro = Potwierdzenie wykona dokładnie to, w jednym kroku:
offboarding-suspend = Wstrzymaj
offboarding-cancel-reservation = Anuluj rezerwację platformy Azure { $name } ({ $sku }, { $region })
offboarding-cancel-software = Anuluj zakup oprogramowania { $product } (zamówienie { $order })
offboarding-still-billed = { $count ->
    [one] { $count } z nich to subskrypcja nowego środowiska handlowego: jest ona
    [few] { $count } z nich to subskrypcje nowego środowiska handlowego: są one
   *[many] { $count } z nich to subskrypcje nowego środowiska handlowego: są one
} nadal rozliczane po wstrzymaniu, do końca okresu.
offboarding-stuck-title = Tych pozycji nie można już anulować i nadal będą blokować usunięcie:
offboarding-stuck-item = { $product } (zamówienie { $order }), kupiono { $date }: zakupy oprogramowania można anulować tylko w ciągu 30 dni.
offboarding-submit = Wstrzymaj i anuluj to wszystko
toast-offboarding-done = Wstrzymano { $subscriptions ->
    [one] { $subscriptions } subskrypcję
    [few] { $subscriptions } subskrypcje
   *[many] { $subscriptions } subskrypcji
}, anulowano { $reservations ->
    [one] { $reservations } rezerwację platformy Azure
    [few] { $reservations } rezerwacje platformy Azure
   *[many] { $reservations } rezerwacji platformy Azure
} i { $software ->
    [one] { $software } zakup oprogramowania
    [few] { $software } zakupy oprogramowania
   *[many] { $software } zakupów oprogramowania
}.{ $stuck ->
    [0] {" "}Nic aktywnego nie blokuje już usunięcia.
   *[other] {" "}Niektórych zakupów oprogramowania nie można anulować i nadal blokują usunięcie.
}

# Żądanie relacji odsprzedawcy
toast-request-revoked = Odwołano żądanie relacji: jego link już nie działa.
invitation-draft = Dzień dobry,

    { $partner } chce zostać Państwa odsprzedawcą usług w chmurze. Aby zaakceptować, administrator Państwa organizacji otwiera ten link i potwierdza:

    { $link }

    { $dap ->
        [yes] Akceptacja daje też { $partner } uprawnienia administratora delegowanego w Państwa dzierżawie, dzięki czemu możemy nią zarządzać.
       *[no] Akceptacja nie daje nam dostępu administracyjnego do Państwa dzierżawy.
    }

    Link działa jeden raz i wygasa { $expires }.

    Z pozdrowieniami
    { $partner }
requests-subtitle = Wyślij administratorowi klienta osobisty link. Jego akceptacja czyni { $partner } odsprzedawcą klienta lub przywraca tę rolę po usunięciu relacji.
requests-your-invitation = Twoje zaproszenie
requests-copy-now = Skopiuj teraz tę wiadomość i wyślij ją administratorowi klienta: link jest pokazywany tylko raz. Działa jeden raz i wygasa za { $days } dni.
requests-message-with-dap = Treść zaproszenia (z uprawnieniami administratora delegowanego)
requests-message-without-dap = Treść zaproszenia (bez uprawnień administratora delegowanego)
requests-link = Link:
requests-new = Nowe żądanie
requests-include-dap = Dołącz uprawnienia administratora delegowanego
requests-dap-hint = Dzięki nim Twoi agenci administracyjni mogą zarządzać dzierżawą klienta. Klient widzi to przed akceptacją.
requests-create = Utwórz zaproszenie
requests-for = Zaproszenie dla
requests-new-customer = Nowy klient
requests-former-customers = Byli klienci
requests-for-hint = Administrator nowego klienta podaje przy akceptacji domenę swojej organizacji; domena, która jest tu już znana, zostanie odrzucona. Zaproszenie byłego klienta (takiego, którego relacja z Tobą została zakończona) można zaakceptować tylko w imieniu tego klienta.
requests-title = Żądania
requests-empty = Nie ma jeszcze żądań.
requests-caption = Żądania relacji
requests-created = Utworzono
requests-dap = Administrator delegowany
requests-expires = Wygasa
requests-included = Dołączone
requests-not-included = Niedołączone
requests-accepted = Zaakceptowane
requests-revoked = Odwołane
requests-pending = Oczekujące
requests-expired = Wygasłe
requests-revoke = Odwołaj
requests-revoke-hidden = żądanie z { $date }

# Publiczna strona zaproszenia
invitation-title = Zaproszenie od odsprzedawcy
invitation-done = Gotowe: organizacja { $company } ma od teraz { $partner } jako odsprzedawcę.
invitation-organisation-added = Organizacja została dodana.
invitation-has-dap = { $partner } ma uprawnienia administratora delegowanego w dzierżawie Państwa organizacji.
invitation-has-no-access = { $partner } nie ma dostępu administracyjnego do dzierżawy Państwa organizacji.
invitation-asks = chce zostać odsprzedawcą usług w chmurze dla Państwa organizacji.
invitation-accepting = Akceptacja pozwala { $partner } sprzedawać Państwu subskrypcje i obsługiwać Państwa organizację jako partner.
invitation-with-dap = Daje też { $partner }
invitation-with-dap-strong = uprawnienia administratora delegowanego
invitation-with-dap-after = : agenci administracyjni partnera będą mogli zarządzać dzierżawą Państwa organizacji.
invitation-without-dap = Akceptacja
invitation-without-dap-strong = nie
invitation-without-dap-after = daje { $partner } dostępu administracyjnego do dzierżawy Państwa organizacji.
invitation-hint = Zaakceptować powinien wyłącznie administrator Państwa organizacji. Link działa jeden raz i wygasa { $date }.
invitation-domain = Domena podstawowa Państwa organizacji
invitation-domain-placeholder = contoso.onmicrosoft.com
invitation-about-organisation = Dane organizacji
invitation-for-new = To zaproszenie jest przeznaczone dla organizacji, której jeszcze tu nie ma. Jeśli { $partner } współpracował już z Państwa organizacją, prosimy poprosić go o zaproszenie, które ją wskazuje.
invitation-for-customer = To zaproszenie dotyczy wyłącznie powyższej organizacji: jego akceptacja czyni { $partner } jej odsprzedawcą.
invitation-country = Kraj
invitation-accept = Zaakceptuj i ustaw { $partner } jako naszego odsprzedawcę
toast-password-changed = Zmieniono hasło. Pozostałe sesje zostały wylogowane.
toast-bought = Kupiono { $quantity } × { $offer }.
toast-bought-addon = Kupiono dodatek { $quantity } × { $offer }.
toast-subscription-cancelled = Anulowano subskrypcję.{ $addons ->
    [0] {""}
    [one] {" "}Anulowano razem z nią { $addons } dodatek.
    [few] {" "}Anulowano razem z nią { $addons } dodatki.
   *[many] {" "}Anulowano razem z nią { $addons } dodatków.
}
toast-support-contact-set = { $name } jest teraz wyznaczonym kontaktem pomocy technicznej.
toast-support-contact-none = Subskrypcja nie ma teraz wyznaczonego kontaktu pomocy technicznej.
toast-roles-unchanged = { $name } ma już te role.
toast-roles-changed = Role użytkownika { $name } to teraz: { $roles }. Użytkownik został wszędzie wylogowany, więc zmiana obowiązuje od razu.
toast-user-already-active = { $name } jest już aktywny.
toast-user-already-disabled = { $name } jest już wyłączony.
toast-user-enabled = { $name } jest włączony i może znów logować się swoim hasłem.
toast-user-disabled = { $name } jest wyłączony i został wszędzie wylogowany.

## Logowanie dwuetapowe
first-password-title = Ustaw swoje hasło
first-password-intro = Zalogowano jako { $email } hasłem jednorazowym. Ustaw teraz własne hasło: hasło jednorazowe przestanie działać.
first-password-submit = Zapisz hasło i przejdź dalej
signin-steps-next-enrol = Następnie, jeśli nie zrobiono tego wcześniej: skonfiguruj aplikację uwierzytelniającą do logowania dwuetapowego.
enrol-title = Skonfiguruj logowanie dwuetapowe
enrol-intro = Każde logowanie wymaga hasła i kodu z aplikacji uwierzytelniającej w telefonie (np. Microsoft Authenticator). Skonfiguruj ją raz, teraz.
enrol-scan = W aplikacji dodaj konto i zeskanuj ten kod QR.
enrol-qr-label = Kod QR z kluczem dla aplikacji uwierzytelniającej
enrol-by-hand = Albo wpisz w aplikacji ten klucz:
enrol-account = Konto: { $account }
enrol-open-app = otwórz w aplikacji na tym urządzeniu
enrol-code = 6-cyfrowy kod pokazany w aplikacji
enrol-submit = Potwierdź i zaloguj się
recovery-title = Zapisz kody odzyskiwania
recovery-enrolled = Logowanie dwuetapowe jest skonfigurowane i jesteś zalogowany.
recovery-intro = Jeśli zgubisz telefon, każdy z tych kodów raz zastąpi kod z aplikacji. Wydrukuj je albo zachowaj w menedżerze haseł.
recovery-once = Są pokazywane tylko teraz. Jeśli stracisz i telefon, i kody, Administrator globalny może zresetować Twoje logowanie dwuetapowe.
recovery-continue = Zapisałem je: dalej
code-title = Wpisz kod
code-intro = Otwórz aplikację uwierzytelniającą i wpisz 6-cyfrowy kod, który pokazuje dla PartnerDesk.
code-label = Kod
code-hint = Nie masz telefonu pod ręką? Wpisz jeden z kodów odzyskiwania.
code-submit = Zaloguj się
code-start-over = To nie Ty? Zaloguj się ponownie
users-reset-second-step = Zresetuj logowanie dwuetapowe
users-reset-second-step-hint = Dla kogoś, kto zgubił telefon: przy następnym logowaniu ponownie skonfiguruje aplikację uwierzytelniającą. Zostanie wylogowany wszędzie.
users-second-step = Logowanie dwuetapowe
users-second-step-on = skonfigurowane
users-second-step-off = jeszcze nieskonfigurowane
toast-second-step-reset = Logowanie dwuetapowe użytkownika { $name } zostało zresetowane; skonfiguruje je ponownie przy następnym logowaniu i został wylogowany wszędzie.
users-reset-second-step-confirm = Zresetować logowanie dwuetapowe użytkownika { $name }? Jego aplikacja uwierzytelniająca i kody odzyskiwania przestaną działać, a on zostanie wylogowany wszędzie.

# Klucze API
api-keys-subtitle = Klucze pozwalają skryptom korzystać z API PartnerDesk w Pana/Pani imieniu, z rolami, jakie ma Pan/Pani w chwili każdego wywołania. Klucz przestaje działać po wygaśnięciu, po odwołaniu lub po wyłączeniu konta.
api-keys-new = Nowy klucz
api-keys-name = Nazwa
api-keys-days = Ważność (dni)
api-keys-create = Utwórz klucz
api-keys-yours = Pana/Pani klucze
api-keys-none = Nie ma Pan/Pani kluczy API.
api-keys-created = Utworzono
api-keys-expires = Wygasa
api-keys-last-used = Ostatnie użycie
api-keys-never = Nigdy
api-keys-active = Aktywny
api-keys-revoked = Odwołany
api-keys-expired = Wygasły
api-keys-revoke = Odwołaj
api-keys-revoke-named = Odwołaj klucz { $name }
api-keys-shown-once = Klucz „{ $name }” jest widoczny tylko teraz
api-keys-store-it = Proszę skopiować go do magazynu sekretów skryptu. PartnerDesk przechowuje tylko jego skrót i nie może go pokazać ponownie.
api-keys-docs = Dokument OpenAPI interfejsu API
toast-api-key-revoked = Klucz „{ $name }” został odwołany.

# Żądania relacji: odbiorca, kopiowanie, przedłużenie i ponowne wysłanie
requests-recipient = Odbiorca
requests-recipient-name = Nazwa klienta
requests-recipient-name-hint = Dla nowego klienta: nazwa jego organizacji, aby lista pokazywała, dla kogo jest zaproszenie. Zaproszenie dla byłego klienta już go wskazuje.
requests-recipient-email = Adres e-mail administratora
requests-send-to = Adresat:
requests-copy-message = Kopiuj wiadomość
requests-copy-link = Kopiuj link
requests-copied = Skopiowano.
requests-copy-failed = Kopiowanie zostało zablokowane: tekst jest zaznaczony, można go skopiować klawiaturą.
requests-open-link = Strona zaproszenia:
requests-resend = Nowy link
requests-extend = Przedłuż o { $days } dni
requests-resent-note = To nowy link do istniejącego żądania: poprzedni link już nie działa.
toast-request-extended = Przedłużono żądanie relacji: jego link działa do { $date }.
invitation-country-choose = Proszę wybrać kraj
