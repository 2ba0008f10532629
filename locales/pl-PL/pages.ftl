# Logowanie
signin-title = Logowanie
signin-intro = Proszę zalogować się kontem partnera.
signin-email = Adres e-mail
signin-password = Hasło
signin-submit = Zaloguj się
signin-expired = Formularz logowania wygasł. Proszę zalogować się ponownie.
signin-missing = Proszę podać adres e-mail i hasło.
signin-failed = Adres e-mail lub hasło są nieprawidłowe albo konto jest chwilowo zablokowane. Proszę spróbować ponownie.

# Komunikaty
toast-subscription-suspended = Wstrzymano subskrypcję „{ $name }”.{ $addons ->
    [0] {""}
    [one] {" "}Wstrzymano razem z nią { $addons } dodatek.
    [few] {" "}Wstrzymano razem z nią { $addons } dodatki.
   *[many] {" "}Wstrzymano razem z nią { $addons } dodatków.
}
toast-subscription-reactivated = Ponownie aktywowano subskrypcję „{ $name }”.{ $addons ->
    [0] {""}
    [one] {" "}Aktywowano razem z nią { $addons } dodatek.
    [few] {" "}Aktywowano razem z nią { $addons } dodatki.
   *[many] {" "}Aktywowano razem z nią { $addons } dodatków.
}
toast-reservation-cancelled = Anulowano rezerwację platformy Azure „{ $name }”.
toast-software-cancelled = Anulowano zakup oprogramowania „{ $name }”.
toast-relationship-removed = Usunięto relację odsprzedawcy z klientem { $name }. Klienta nie ma już na liście klientów, a zakupy dla niego są zablokowane.{ $dap ->
    [1] {" "}Odebrano delegowane uprawnienia administratora.
   *[0] {""}
}{ $contacts ->
    [0] {""}
    [one] {" "}Usunięto wyznaczony kontakt pomocy technicznej z { $contacts } subskrypcji.
   *[other] {" "}Usunięto wyznaczone kontakty pomocy technicznej z { $contacts } subskrypcji.
}
toast-dap-removed = Usunięto delegowane uprawnienia administratora. Relacja odsprzedawcy pozostaje.

# Nagłówek klienta
breadcrumb = Ścieżka nawigacji
badge-reseller = Odsprzedawca
badge-dap = DAP
badge-no-relationship = Brak relacji
customer-no-relationship = Brak relacji odsprzedawcy
customer-no-relationship-since = Brak relacji odsprzedawcy od { $date }
customer-no-relationship-explained = Tego klienta nie ma na liście klientów, delegowane uprawnienia administratora są odebrane, a zakupy są zablokowane. Relację można przywrócić wyłącznie żądaniem relacji, które zaakceptuje administrator klienta.
customer-tabs = Klient
tab-subscriptions = Subskrypcje
tab-account = Konto

# Klienci
customers-subtitle = Klienci, z którymi { $partner } ma relację odsprzedawcy.
request-relationship = Poproś o relację odsprzedawcy
customers-search-label = Wyszukiwanie według nazwy firmy lub domeny
customers-search-placeholder = Nazwa firmy lub domena
customers-search-submit = Szukaj
customers-empty = Nie ma jeszcze klientów z relacją odsprzedawcy.
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
col-commerce-type = Środowisko handlowe
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
add-subscription-blocked = Zakupy dla tego klienta są zablokowane: klient nie ma relacji odsprzedawcy z partnerem.
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
subscription-term-billed = { $term }, rozliczenie { $cycle }
subscription-last-changed = Ostatnia zmiana
subscription-suspended-at = Data wstrzymania
subscription-addon-of = Dodatek do
subscription-addons = Dodatki
subscription-suspended-billed = Wstrzymana subskrypcja nowego środowiska handlowego jest nadal rozliczana do końca okresu.
submit = Zastosuj
subscription-suspend-addons = Wstrzymanie subskrypcji wstrzymuje też jej aktywne dodatki.
subscription-status-role = Zmiana stanu wymaga roli administratora globalnego, agenta administracyjnego lub agenta sprzedaży.
subscription-cancel-window = Subskrypcje nowego środowiska handlowego można anulować w ciągu 168 godzin od zakupu lub odnowienia: do { $until } ({ $days ->
    [one] pozostał { $days } dzień
    [few] pozostały { $days } dni
   *[many] pozostało { $days } dni
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
account-dap = Delegowane uprawnienia administratora
account-dap-granted = Przyznane
account-dap-not-granted = Nieprzyznane
account-dap-remove = Usuń delegowane uprawnienia administratora
account-dap-remove-confirm = Usunąć delegowane uprawnienia administratora w dzierżawie klienta { $name }? Relacja odsprzedawcy pozostanie.
account-reseller-since = Odsprzedawca od
account-removed = Data usunięcia
account-invite-again = Zaproś ponownie do relacji odsprzedawcy
account-support-contacts = Kontakty pomocy technicznej
account-contact-user = { $name } ({ $partner })
account-contact-for = dla
account-contact-subscription = subskrypcji
remove-relationship = Usuń relację odsprzedawcy
account-prepare-removal = Przygotuj do usunięcia: wstrzymaj i anuluj wszystko…
account-activity = Aktywność
account-all-activity = Cała aktywność tego klienta
account-activity-empty = Dla tego klienta nie zarejestrowano jeszcze żadnej aktywności.
account-activity-caption = { $count ->
    [one] Najnowszy wpis
    [few] { $count } najnowsze wpisy
   *[many] { $count } najnowszych wpisów
} dziennika aktywności klienta { $name }
col-date-time = Data i godzina
col-operation = Operacja
col-user = Użytkownik
col-change = Stara → nowa wartość
status-failed = Niepowodzenie
status-succeeded = Powodzenie
change-none = (brak)

# Potwierdzenie usunięcia
remove-confirm-title = Usunąć relację odsprzedawcy z klientem { $name }?
remove-confirm-intro = Usunięcie relacji:
remove-consequence-list = usuwa klienta { $name } z listy klientów;
remove-consequence-contacts = usuwa { $partner } z kontaktów pomocy technicznej klienta
remove-consequence-designations = ({ $count ->
    [one] w { $count } subskrypcji
   *[other] w { $count } subskrypcjach
})
remove-consequence-dap = odbiera delegowane uprawnienia administratora w dzierżawie klienta
remove-consequence-dap-not-granted = nie odbiera delegowanych uprawnień administratora (DAP), bo dla tego klienta nie są przyznane
remove-consequence-purchases = blokuje przyszłe zakupy dla klienta.
remove-confirm-hint = Relację można później przywrócić wyłącznie żądaniem relacji, które zaakceptuje administrator klienta.
back-to-account = Wróć do konta
invitation-link-invalid = Ten link zaproszenia jest nieprawidłowy. Proszę sprawdzić, czy został skopiowany w całości.

# Użytkownicy i role
users-subtitle = Osoby, które logują się do PartnerDesk w imieniu { $partner }, oraz ich role.
users-add = Dodaj użytkownika
users-empty = Nie ma jeszcze użytkowników.
users-caption = Użytkownicy { $partner }
users-roles = Role
users-sign-in = Logowanie
users-you = (własne konto)
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
users-added = Data dodania
users-add-subtitle = Nowy użytkownik otrzyma hasło jednorazowe, pokazane tylko raz na następnej stronie.
users-email-address = Adres e-mail
users-roles-legend = Role (co najmniej jedna)
users-only-ga-customer-roles = Tylko administrator globalny może nadawać i odbierać role dające dostęp do klientów (wszystkie role oprócz roli administratora zarządzania użytkownikami).
users-own-roles = Własnych ról nie można zmienić: może to zrobić inny administrator globalny.
users-domains = Zweryfikowane domeny
users-domains-hint = Nowi użytkownicy muszą mieć adres e-mail w jednej z tych domen. Domeny dodaje operator PartnerDesk.
users-domains-none = Nie ma jeszcze żadnej, więc nie można dodać użytkownika. Domenę partnera dodaje na prośbę operator PartnerDesk.
users-email-domains = Dozwolone domeny adresu: { $domains }.
users-only-ga-changes = Tylko administrator globalny może zmienić konto administratora globalnego.
users-roles-hint = Zmiana ról wylogowuje użytkownika ze wszystkich sesji, więc nowe role obowiązują od razu.
users-save-roles = Zapisz role
users-cannot-disable-self = Nie można wyłączyć własnego konta.
users-disable-confirm = Wyłączyć użytkownika { $name }? Zostanie od razu wylogowany i nie zaloguje się, dopóki konto nie zostanie ponownie włączone.
users-disable-hint = Wyłączony użytkownik jest od razu wylogowywany i nie może się zalogować.
users-disable = Wyłącz użytkownika
users-enable-hint = Po włączeniu użytkownik może znów logować się swoim hasłem.
users-enable = Włącz użytkownika
users-own-password = Własne hasło można zmienić w sekcji
users-reset-confirm = Zresetować hasło użytkownika { $name }? Obecne hasło przestanie działać, a użytkownik zostanie wylogowany ze wszystkich sesji.
users-reset-hint = Użytkownik otrzyma nowe hasło jednorazowe, pokazane tylko raz. Obecne hasło przestanie działać, blokada logowania zostanie zdjęta, a użytkownik zostanie wylogowany ze wszystkich sesji.
users-reset = Zresetuj hasło
users-added-title = Dodano użytkownika
users-reset-title = Zresetowano hasło
users-one-time-password = Hasło jednorazowe
users-shown-once = To hasło jest pokazywane tylko raz.
users-hand-over = Hasło należy przekazać użytkownikowi { $name } w bezpieczny sposób: osobiście lub zaufanym kanałem, nigdy w jednej wiadomości z adresem e-mail. PartnerDesk przechowuje tylko jego skrót: jeśli hasło zaginie, trzeba je zresetować ponownie. Po zalogowaniu użytkownik powinien ustawić własne hasło w sekcji Zmień hasło.
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
activity-dates-hint = Daty oznaczają pełne dni w UTC, obie włącznie. Pusta data początkowa oznacza całą historię.
activity-only-for = Tylko aktywność klienta
activity-show-all-customers = Pokaż wszystkich klientów
activity-last-30-days = Pokaż ostatnie 30 dni
activity-empty = Żaden wpis nie pasuje do tych filtrów.
activity-col-customer = Klient
activity-not-your-customer = Nie jest klientem partnera
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
password-subtitle = Zmiana hasła kończy wszystkie pozostałe sesje.
password-current = Obecne hasło
password-new = Nowe hasło
password-hint = Od 8 do 128 znaków, trudne do odgadnięcia: dobrze sprawdza się kilka niepowiązanych słów. Popularne hasła, proste wzory, imię i nazwisko lub nazwa firmy są odrzucane.
password-again = Powtórz nowe hasło

# Przygotowanie do usunięcia
offboarding-title = Przygotowanie do usunięcia
offboarding-nothing-left = Nie pozostało nic do wstrzymania ani anulowania.
offboarding-intro = Po potwierdzeniu zostanie wykonane dokładnie to, w jednym kroku:
offboarding-suspend = Wstrzymanie subskrypcji
offboarding-cancel-reservation = Anulowanie rezerwacji platformy Azure { $name } ({ $sku }, { $region })
offboarding-cancel-software = Anulowanie zakupu oprogramowania { $product } (zamówienie { $order })
offboarding-still-billed = { $count ->
    [one] Spośród wstrzymywanych subskrypcji jedna należy do nowego środowiska handlowego: po wstrzymaniu jest ona nadal rozliczana do końca okresu.
    [few] Spośród wstrzymywanych subskrypcji { $count } należą do nowego środowiska handlowego: po wstrzymaniu są one nadal rozliczane do końca okresu.
   *[many] Spośród wstrzymywanych subskrypcji { $count } należy do nowego środowiska handlowego: po wstrzymaniu są one nadal rozliczane do końca okresu.
}
offboarding-stuck-title = Tych pozycji nie można już anulować i nadal będą blokować usunięcie:
offboarding-stuck-item = { $product } (zamówienie { $order }), data zakupu { $date }: zakup oprogramowania można anulować tylko w ciągu 30 dni.
offboarding-submit = { $cancel ->
    [0] { $suspend ->
        [one] Wstrzymaj tę subskrypcję
       *[other] Wstrzymaj te subskrypcje
    }
   *[other] { $suspend ->
        [0] Anuluj wszystkie wymienione pozycje
       *[other] Wstrzymaj i anuluj wszystkie wymienione pozycje
    }
}
toast-offboarding-done = Wstrzymano { $subscriptions ->
    [one] { $subscriptions } subskrypcję
    [few] { $subscriptions } subskrypcje
   *[many] { $subscriptions } subskrypcji
}, anulowano { $reservations ->
    [one] { $reservations } rezerwację platformy Azure
    [few] { $reservations } rezerwacje platformy Azure
   *[many] { $reservations } rezerwacji platformy Azure
}{ $savings_plans ->
    [0] {""}
    [one] , { $savings_plans } plan oszczędnościowy platformy Azure
    [few] , { $savings_plans } plany oszczędnościowe platformy Azure
   *[many] , { $savings_plans } planów oszczędnościowych platformy Azure
} i { $software ->
    [one] { $software } zakup oprogramowania
    [few] { $software } zakupy oprogramowania
   *[many] { $software } zakupów oprogramowania
}.{ $stuck ->
    [0] {" "}Nic aktywnego nie blokuje już usunięcia.
   *[other] {" "}Niektórych zakupów oprogramowania nie można anulować i nadal blokują one usunięcie.
}

# Żądanie relacji odsprzedawcy
toast-request-revoked = Odwołano żądanie relacji: jego link już nie działa.
invitation-draft = Dzień dobry,

    { $partner } chce zostać odsprzedawcą usług w chmurze dla Państwa organizacji. Aby wyrazić zgodę, administrator Państwa organizacji powinien otworzyć poniższy link i potwierdzić:

    { $link }

    { $dap ->
        [yes] Akceptacja daje też { $partner } delegowane uprawnienia administratora w Państwa dzierżawie, dzięki czemu będziemy mogli nią zarządzać.
       *[no] Akceptacja nie daje nam dostępu administracyjnego do Państwa dzierżawy.
    }

    Link działa jeden raz i wygasa { $expires }.

    Z wyrazami szacunku
    { $partner }
requests-subtitle = Administrator klienta otrzymuje osobisty link. Jego akceptacja czyni { $partner } odsprzedawcą klienta lub przywraca tę relację po jej usunięciu.
requests-your-invitation = Zaproszenie
requests-copy-now = Tę wiadomość należy skopiować teraz i wysłać administratorowi klienta: link jest pokazywany tylko raz. Działa jeden raz i wygasa po { $days ->
    [one] { $days } dniu
   *[other] { $days } dniach
}.
requests-message-with-dap = Treść zaproszenia (z delegowanymi uprawnieniami administratora)
requests-message-without-dap = Treść zaproszenia (bez delegowanych uprawnień administratora)
requests-link = Link:
requests-new = Nowe żądanie
requests-include-dap = Z delegowanymi uprawnieniami administratora (DAP)
requests-dap-hint = Dzięki nim agenci administracyjni partnera mogą zarządzać dzierżawą klienta. Klient widzi to przed akceptacją.
requests-create = Utwórz zaproszenie
requests-for = Zaproszenie dla
requests-new-customer = Nowy klient
requests-former-customers = Byli klienci
requests-for-hint = Administrator nowego klienta podaje przy akceptacji domenę swojej organizacji; domena, która jest tu już znana, zostanie odrzucona. Zaproszenie dla byłego klienta (którego relacja z partnerem została zakończona) może zaakceptować tylko ten klient.
requests-title = Żądania
requests-empty = Nie ma jeszcze żądań.
requests-caption = Żądania relacji
requests-created = Data utworzenia
requests-dap = DAP
requests-expires = Data wygaśnięcia
requests-included = Tak
requests-not-included = Nie
requests-accepted = Zaakceptowane
requests-revoked = Odwołane
requests-pending = Oczekujące
requests-expired = Wygasłe
requests-revoke = Odwołaj
requests-revoke-hidden = żądanie z { $date }

# Publiczna strona zaproszenia (czyta ją administrator klienta: forma „Państwo”)
invitation-title = Zaproszenie od odsprzedawcy
invitation-done = Gotowe: { $partner } jest teraz odsprzedawcą organizacji { $company }
invitation-organisation-added = Państwa organizacja została dodana.
invitation-has-dap = { $partner } ma delegowane uprawnienia administratora w Państwa dzierżawie.
invitation-has-no-access = { $partner } nie ma dostępu administracyjnego do Państwa dzierżawy.
invitation-asks = chce zostać odsprzedawcą usług w chmurze dla Państwa organizacji.
invitation-accepting = Po akceptacji { $partner } będzie mógł sprzedawać Państwu subskrypcje i wspierać Państwa jako partner.
invitation-with-dap = Akceptacja daje też { $partner }
invitation-with-dap-strong = delegowane uprawnienia administratora
invitation-with-dap-after = : agenci administracyjni partnera będą mogli zarządzać Państwa dzierżawą.
invitation-without-dap = Akceptacja
invitation-without-dap-strong = nie
invitation-without-dap-after = daje { $partner } dostępu administracyjnego do Państwa dzierżawy.
invitation-hint = Zaproszenie powinien zaakceptować wyłącznie administrator Państwa organizacji. Link działa jeden raz i wygasa { $date }.
invitation-domain = Domena podstawowa Państwa organizacji
invitation-domain-placeholder = contoso.onmicrosoft.com
invitation-about-organisation = Dane organizacji
invitation-for-new = To zaproszenie jest przeznaczone dla organizacji, której jeszcze tu nie ma. Jeśli { $partner } współpracował już z Państwa organizacją, prosimy zwrócić się do partnera o zaproszenie, które ją wskazuje.
invitation-for-customer = To zaproszenie dotyczy wyłącznie powyższej organizacji: jego akceptacja czyni { $partner } jej odsprzedawcą.
invitation-country = Kraj
invitation-accept = Akceptuję: { $partner } zostanie naszym odsprzedawcą
toast-password-changed = Zmieniono hasło. Pozostałe sesje zostały zakończone.
toast-bought = Kupiono { $quantity } × { $offer }.
toast-bought-addon = Kupiono dodatek { $quantity } × { $offer }.
toast-subscription-cancelled = Anulowano subskrypcję „{ $name }”.{ $addons ->
    [0] {""}
    [one] {" "}Anulowano razem z nią { $addons } dodatek.
    [few] {" "}Anulowano razem z nią { $addons } dodatki.
   *[many] {" "}Anulowano razem z nią { $addons } dodatków.
}
toast-support-contact-set = { $name } jest teraz wyznaczonym kontaktem pomocy technicznej.
toast-support-contact-none = Subskrypcja nie ma teraz wyznaczonego kontaktu pomocy technicznej.
toast-roles-unchanged = Użytkownik { $name } ma już te role.
toast-roles-changed = Role użytkownika { $name } to teraz: { $roles }. Użytkownik został wylogowany ze wszystkich sesji, więc zmiana obowiązuje od razu.
toast-user-already-active = Użytkownik { $name } jest już aktywny.
toast-user-already-disabled = Użytkownik { $name } jest już wyłączony.
toast-user-enabled = Włączono użytkownika { $name }: może znów logować się swoim hasłem.
toast-user-disabled = Wyłączono użytkownika { $name } i wylogowano go ze wszystkich sesji.

## Logowanie dwuetapowe
first-password-title = Ustawienie własnego hasła
first-password-intro = Zalogowano jako { $email } hasłem jednorazowym. Proszę teraz ustawić własne hasło: hasło jednorazowe przestanie działać.
first-password-submit = Zapisz hasło i przejdź dalej
signin-steps-next-enrol = Następny krok, jeśli nie został wykonany wcześniej: konfiguracja aplikacji uwierzytelniającej do logowania dwuetapowego.
enrol-title = Konfiguracja logowania dwuetapowego
enrol-intro = Każde logowanie wymaga hasła i kodu z aplikacji uwierzytelniającej w telefonie (np. Microsoft Authenticator). Konfiguracja jest jednorazowa i odbywa się teraz.
enrol-scan = Proszę dodać konto w aplikacji i zeskanować ten kod QR.
enrol-qr-label = Kod QR z kluczem dla aplikacji uwierzytelniającej
enrol-by-hand = Można też wpisać w aplikacji ten klucz:
enrol-account = Konto: { $account }
enrol-open-app = otwórz w aplikacji na tym urządzeniu
enrol-code = 6-cyfrowy kod pokazany w aplikacji
enrol-submit = Potwierdź i zaloguj się
recovery-title = Kody odzyskiwania
recovery-enrolled = Logowanie dwuetapowe jest skonfigurowane. Zalogowano pomyślnie.
recovery-intro = W razie utraty telefonu każdy z tych kodów jeden raz zastąpi kod z aplikacji. Kody należy wydrukować albo zapisać w menedżerze haseł.
recovery-once = Są pokazywane tylko teraz. W razie utraty zarówno telefonu, jak i kodów administrator globalny może zresetować logowanie dwuetapowe.
recovery-continue = Kody zapisane: dalej
code-title = Kod weryfikacyjny
code-intro = Proszę otworzyć aplikację uwierzytelniającą i wpisać 6-cyfrowy kod, który pokazuje dla PartnerDesk.
code-label = Kod
code-hint = Brak telefonu pod ręką? Można wpisać jeden z kodów odzyskiwania.
code-submit = Zaloguj się
code-start-over = Inne konto? Zaloguj się ponownie
users-reset-second-step = Zresetuj logowanie dwuetapowe
users-reset-second-step-hint = Dla osoby, która utraciła telefon: przy następnym logowaniu ponownie skonfiguruje aplikację uwierzytelniającą. Zostanie wylogowana ze wszystkich sesji.
users-second-step = Logowanie dwuetapowe
users-second-step-on = skonfigurowane
users-second-step-off = jeszcze nieskonfigurowane
toast-second-step-reset = Zresetowano logowanie dwuetapowe użytkownika { $name }: skonfiguruje je ponownie przy następnym logowaniu. Wylogowano go ze wszystkich sesji.
users-reset-second-step-confirm = Zresetować logowanie dwuetapowe użytkownika { $name }? Jego aplikacja uwierzytelniająca i kody odzyskiwania przestaną działać, a on sam zostanie wylogowany ze wszystkich sesji.

# Klucze API
api-keys-subtitle = Klucz pozwala skryptom korzystać z API PartnerDesk w imieniu użytkownika, który go utworzył, z rolami, jakie ten użytkownik ma w chwili każdego wywołania. Klucz przestaje działać po wygaśnięciu, po odwołaniu lub po wyłączeniu konta.
api-keys-new = Nowy klucz
api-keys-name = Nazwa
api-keys-days = Ważność (dni)
api-keys-create = Utwórz klucz
api-keys-yours = Utworzone klucze
api-keys-none = Brak kluczy API.
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
account-ask-global-admins = Gdy nic już nie blokuje usunięcia relacji, może ją usunąć administrator globalny organizacji: { $names }.

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
copy-password = Kopiuj hasło
copy-key = Kopiuj klucz
users-open-user = Otwórz stronę użytkownika { $name }

# Customers list: readiness to remove
col-readiness = Usunięcie relacji
readiness-ready = Gotowy do usunięcia
readiness-blocked = Blokady: { $what }
count-reservations = { $count ->
    [one] { $count } rezerwacja
    [few] { $count } rezerwacje
   *[many] { $count } rezerwacji
}
count-software-purchases = { $count ->
    [one] { $count } zakup oprogramowania
    [few] { $count } zakupy oprogramowania
   *[many] { $count } zakupów oprogramowania
}
customers-filter-label = Pokaż
customers-filter-all = Wszystkich klientów
customers-filter-ready = Gotowych do usunięcia
customers-filter-blocked = Zablokowanych
customers-no-match-filter = Żaden klient nie spełnia warunku filtra.

# Removal receipt
receipt-title = Potwierdzenie usunięcia relacji
receipt-download = Pobierz podpisane potwierdzenie (JSON)
receipt-summary = Relacja odsprzedawcy z klientem { $name } została usunięta przez { $user } { $date }.
receipt-id = Numer potwierdzenia
receipt-removed-by = Usunięta przez
receipt-removed-at = Data usunięcia
receipt-dap = Delegowane uprawnienia administratora
receipt-dap-revoked = Odebrane wraz z usunięciem relacji
receipt-dap-none = Nieprzyznane w chwili usunięcia relacji
receipt-contacts = Usunięte wyznaczenia kontaktu pomocy technicznej
receipt-signature = Podpis
receipt-signed-with = Ed25519, klucz { $key }. Pobrane potwierdzenie można sprawdzić poleceniem: partnerdesk verify-receipt PLIK
receipt-billing = Rozliczenia
receipt-col-billing-end = Koniec rozliczeń
receipt-billing-unknown = Nie odnotowano
receipt-nothing-bought = Klient nie miał u partnera żadnych subskrypcji ani zakupów.
receipt-changes = Wprowadzone zmiany
receipt-open-records = Otwórz te wpisy w dzienniku aktywności
account-receipts = Potwierdzenia usunięcia relacji
account-receipt-link = Potwierdzenie usunięcia z { $date }
# Nowe środowisko handlowe: okres zobowiązania, automatyczne odnawianie, termin anulowania
col-commitment-end = Koniec zobowiązania
col-auto-renew = Automatyczne odnawianie
col-cancel-window = Termin anulowania
auto-renew-on = Włączone
auto-renew-off = Wyłączone
auto-renew-off-expires = Wyłączone: wygasa { $date }
auto-renew-off-hint = Bez zwrotu środków: subskrypcja jest rozliczana do { $date }, a potem wygasa. Do tego czasu można ponownie włączyć automatyczne odnawianie.
cancel-window-open-until = Do { $date }
cancel-window-closed-at = Upłynął { $date }
subscription-billed-until = Ta subskrypcja jest rozliczana do { $date }.
subscription-suspend-warning-window = Wstrzymanie nie wstrzymuje rozliczeń: ta subskrypcja jest rozliczana do { $billed }, a po { $until } nie będzie można jej już anulować.
subscription-suspend-warning = Wstrzymanie nie wstrzymuje rozliczeń: ta subskrypcja jest rozliczana do { $billed }.
subscription-suspend-confirm = Mimo to wstrzymaj
subscription-suspend-keep = Pozostaw aktywną
action-turn-off-auto-renew = Wyłącz automatyczne odnawianie
action-turn-on-auto-renew = Włącz automatyczne odnawianie
action-cancel-refund = Anuluj (ze zwrotem)
toast-auto-renew-off = Wyłączono automatyczne odnawianie subskrypcji „{ $name }”: jest ona rozliczana do { $date }, a potem wygaśnie.
toast-auto-renew-on = Włączono automatyczne odnawianie subskrypcji „{ $name }”: zostanie odnowiona { $date }.
account-earliest-removal = Najwcześniejsze usunięcie
account-earliest-removal-today = Dziś
account-earliest-removal-on = { $date }, gdy kończy się ostatnia subskrypcja nowego środowiska handlowego, której nie można już anulować
offboarding-cancel-subscription = Anulowanie subskrypcji nowego środowiska handlowego { $name } ({ $quantity ->
    [one] { $quantity } licencja
    [few] { $quantity } licencje
   *[many] { $quantity } licencji
}) ze zwrotem środków
offboarding-turn-off-auto-renew = Wyłączenie automatycznego odnawiania subskrypcji { $name }: rozliczana do { $date }, potem wygaśnie
offboarding-billed-title = Po upływie terminu anulowania te subskrypcje są rozliczane i blokują usunięcie do końca okresu zobowiązania:
offboarding-billed-item = { $name }: rozliczana do { $date }
offboarding-submit-all = Wykonaj wszystkie te czynności
toast-offboarding-commerce = Nowe środowisko handlowe: { $cancelled ->
    [0] {""}
    [one] anulowano { $cancelled } subskrypcję (ze zwrotem środków){ $renewals ->
        [0] {""}
       *[other] ,{" "}
    }
    [few] anulowano { $cancelled } subskrypcje (ze zwrotem środków){ $renewals ->
        [0] {""}
       *[other] ,{" "}
    }
   *[many] anulowano { $cancelled } subskrypcji (ze zwrotem środków){ $renewals ->
        [0] {""}
       *[other] ,{" "}
    }
}{ $renewals ->
    [0] {""}
   *[other] wyłączono automatyczne odnawianie { $renewals } subskrypcji
}.
csv-resource-name = Pozycja
activity-group-suspended = { $count ->
    [one] { $count } wstrzymana subskrypcja
    [few] { $count } wstrzymane subskrypcje
   *[many] { $count } wstrzymanych subskrypcji
}
activity-group-reactivated = { $count ->
    [one] { $count } ponownie aktywowana subskrypcja
    [few] { $count } ponownie aktywowane subskrypcje
   *[many] { $count } ponownie aktywowanych subskrypcji
}
activity-group-reservations-cancelled = { $count ->
    [one] { $count } anulowana rezerwacja platformy Azure
    [few] { $count } anulowane rezerwacje platformy Azure
   *[many] { $count } anulowanych rezerwacji platformy Azure
}
activity-group-software-cancelled = { $count ->
    [one] { $count } anulowany zakup oprogramowania
    [few] { $count } anulowane zakupy oprogramowania
   *[many] { $count } anulowanych zakupów oprogramowania
}
activity-group-other = { $operation } (liczba wpisów: { $count })
activity-group-subscriptions-cancelled = { $count ->
    [one] { $count } subskrypcja anulowana ze zwrotem środków
    [few] { $count } subskrypcje anulowane ze zwrotem środków
   *[many] { $count } subskrypcji anulowanych ze zwrotem środków
}
activity-group-auto-renew-off = automatyczne odnawianie wyłączone dla { $count } subskrypcji
# E-mail notifications and Request removal
account-request-removal = Poproś administratora globalnego o usunięcie
toast-removal-requested = Prośbę wysłano do: { $names }
mail-removed-subject = Relacja odsprzedawcy z klientem { $customer } została usunięta przez użytkownika { $user }
mail-removed-body = Relację odsprzedawcy z klientem { $customer } usunął użytkownik { $user }. Potwierdzenie usunięcia zawiera listę wprowadzonych zmian.
mail-link-receipt = Potwierdzenie: { $link }
mail-request-removal-subject = Użytkownik { $user } prosi o usunięcie relacji odsprzedawcy z klientem { $customer }
mail-request-removal-body = Użytkownik { $user } prosi administratora globalnego o usunięcie relacji odsprzedawcy z klientem { $customer }. Na stronie Konto klienta widać, czy coś jeszcze blokuje usunięcie.
mail-link-account = Strona Konto: { $link }

# Scheduled removal
schedule-date = Data usunięcia
schedule-removal = Zaplanuj usunięcie
schedule-hint = Tego dnia relacja zostanie usunięta, jeśli nic wtedy tego nie blokuje. Zaplanowanie wyłącza automatyczne odnawianie subskrypcji nowego środowiska handlowego, których nie można już anulować. Aktywne relacje GDAP z klientem zostaną zakończone razem z nią.
schedule-pending = Usunięcie zaplanowane na { $date } przez użytkownika { $name }
schedule-cancel = Anuluj harmonogram
schedule-cancel-title = Anulować zaplanowane usunięcie klienta { $name }?
schedule-cancel-hint = Relacja odsprzedawcy pozostanie. Automatyczne odnawianie wyłączone przy planowaniu pozostanie wyłączone; można je włączyć ponownie na stronie każdej subskrypcji.
schedule-not-run = Zaplanowane usunięcie z dnia { $date } nie zostało wykonane:
schedule-failed = Przerwał je nieoczekiwany błąd; szczegóły są w dzienniku operatora.
toast-removal-scheduled = Zaplanowano usunięcie na { $date }.
toast-removal-schedule-cancelled = Anulowano zaplanowane usunięcie.

# Pytanie przed nieodwracalną zmianą
confirm-keep = Nie zmieniaj, wróć
confirm-final = Tej operacji nie można cofnąć.
confirm-cancel-subscription-title = Anulować subskrypcję „{ $name }”?
confirm-cancel-subscription-refund = Subskrypcja zakończy się od razu, a za pozostałą część okresu zostanie zwrócona należność (w nowym środowisku handlowym jest to możliwe w ciągu 168 godzin od zakupu lub odnowienia).
confirm-cancel-subscription-addons = { $count ->
    [one] Razem z nią zakończy się jej dodatek.
    [few] Razem z nią zakończą się jej { $count } dodatki.
   *[many] Razem z nią zakończy się jej { $count } dodatków.
}
confirm-cancel-subscription-again = Ponowne kupienie jej później będzie nowym zakupem, z nowym okresem.
confirm-cancel-reservation-title = Anulować rezerwację platformy Azure „{ $name }”?
confirm-cancel-reservation-button = Anuluj rezerwację
confirm-cancel-software-title = Anulować zakup oprogramowania „{ $name }”?
confirm-cancel-software-button = Anuluj zakup
confirm-remove-dap-title = Usunąć delegowane uprawnienia administratora w dzierżawie klienta { $name }?
confirm-remove-dap-access = Agenci administracyjni partnera stracą dostęp administracyjny do dzierżawy klienta.
confirm-remove-dap-stays = Relacja odsprzedawcy pozostanie.
confirm-remove-dap-again = Odzyskanie ich wymaga nowego zaproszenia do relacji, które zaakceptuje administrator klienta.

# Plany oszczędnościowe platformy Azure
savings-plans-title = Plany oszczędnościowe platformy Azure
savings-plans-empty = Brak planów oszczędnościowych platformy Azure.
savings-plan-commitment = { $amount } { $currency }/godz.
savings-plan-billing-monthly = Co miesiąc
savings-plan-billing-upfront = Z góry
col-commitment = Zobowiązanie godzinowe
col-billing = Rozliczanie
savings-plan-cancel-confirm = Anulować plan oszczędnościowy platformy Azure „{ $name }”? Tej operacji nie można cofnąć.
savings-plan-cancel-hidden = plan oszczędnościowy { $name }
toast-savings-plan-cancelled = Anulowano plan oszczędnościowy platformy Azure „{ $name }”.
confirm-cancel-savings-plan-title = Anulować plan oszczędnościowy platformy Azure „{ $name }”?
confirm-cancel-savings-plan-button = Anuluj plan oszczędnościowy
offboarding-cancel-savings-plan = Anulowanie planu oszczędnościowego platformy Azure { $name } ({ $commitment }, { $term })
offboarding-savings-plan-monthly = : comiesięczne opłaty ustają
offboarding-savings-plan-upfront = : opłacony z góry za cały okres, bez zwrotu
count-savings-plans = { $count ->
    [one] { $count } plan oszczędnościowy
    [few] { $count } plany oszczędnościowe
   *[many] { $count } planów oszczędnościowych
}
activity-group-savings-plans-cancelled = { $count ->
    [one] { $count } anulowany plan oszczędnościowy platformy Azure
    [few] { $count } anulowane plany oszczędnościowe platformy Azure
   *[many] { $count } anulowanych planów oszczędnościowych platformy Azure
}
# Second-person approval of a removal
settings-title = Ustawienia partnera
settings-second-approval = Każde usunięcie relacji odsprzedawcy zatwierdza drugi administrator globalny
settings-second-approval-hint = Gdy to ustawienie jest włączone, usunięcie relacji wymaga zgody innego administratora globalnego, który zatwierdza je lub odrzuca w ciągu 72 godzin. Zaplanowane usunięcie nie zostanie wtedy wykonane.
settings-save = Zapisz ustawienia
toast-partner-settings-saved = Zapisano ustawienia partnera.
approval-needed-hint = Państwa organizacja wymaga zatwierdzenia każdego usunięcia przez drugiego administratora globalnego: przycisk wysyła prośbę, a nic nie zostanie usunięte, dopóki inny administrator globalny jej nie zatwierdzi (w ciągu 72 godzin).
approval-ask = Poproś o zatwierdzenie
approval-waiting = Usunięcie zlecone przez: { $name }, { $date }; czeka na drugiego administratora globalnego (wygasa { $expires }).
approval-withdraw = Wycofaj prośbę
approval-approve = Zatwierdź usunięcie
approval-reject = Odrzuć
approval-reject-reason = Powód (opcjonalnie)
approval-question-title = Zatwierdzić usunięcie relacji odsprzedawcy z klientem { $name }?
approval-question-asked = Prośba od: { $name }, { $date }. Zatwierdzenie:
toast-approval-requested = Poproszono o usunięcie klienta { $name }: inny administrator globalny musi je zatwierdzić do { $date }.
toast-approval-rejected = Odrzucono prośbę o usunięcie. Nic nie zostało usunięte.
toast-approval-withdrawn = Wycofano prośbę o usunięcie. Nic nie zostało usunięte.
mail-approval-subject = Użytkownik { $user } prosi o zatwierdzenie usunięcia relacji odsprzedawcy z klientem { $customer }
mail-approval-body = Użytkownik { $user } poprosił o usunięcie relacji odsprzedawcy z klientem { $customer }. Inny administrator globalny musi je zatwierdzić lub odrzucić na stronie Konto klienta w ciągu 72 godzin.
mail-scheduled-subject = Usunięcie relacji odsprzedawcy z klientem { $customer } zaplanowano na { $date }
mail-scheduled-body = Użytkownik { $user } zaplanował usunięcie relacji odsprzedawcy z klientem { $customer } na { $date }. Tego dnia usunięcie zostanie wykonane, jeśli nic go wtedy nie zablokuje; do tego czasu każdy administrator globalny może je anulować na stronie Konto klienta.
mail-schedule-cancelled-subject = Anulowano zaplanowane usunięcie relacji odsprzedawcy z klientem { $customer }
mail-schedule-cancelled-body = Użytkownik { $user } anulował usunięcie relacji odsprzedawcy z klientem { $customer } zaplanowane na { $date }. Relacja pozostaje bez zmian.
badge-gdap = GDAP ({ $count })
gdap-title = Relacje GDAP
gdap-subtitle = Relacje GDAP (szczegółowe delegowane uprawnienia administratora) dają partnerowi { $partner } w dzierżawie klienta tylko potrzebne role Microsoft Entra, na określony czas, po zatwierdzeniu przez administratora klienta.
gdap-new = Nowa relacja GDAP
gdap-filters = Filtr
gdap-filter-any-status = Dowolny status
gdap-filter-expires = Wygasa
gdap-filter-expires-any = W dowolnym terminie
gdap-filter-expires-days = { $days ->
    [one] W ciągu { $days } dnia
   *[other] W ciągu { $days } dni
}
gdap-filter-apply = Pokaż
gdap-caption = Relacje GDAP partnera { $partner }
gdap-col-name = Nazwa
gdap-col-customer = Klient
gdap-col-roles = Role
gdap-col-end = Koniec
gdap-col-auto-extend = Automatyczne przedłużanie
gdap-col-select = Zaznacz
gdap-auto-extend-on = 180 dni
gdap-auto-extend-off = Wyłączone
gdap-no-end = Nie ustalono
gdap-empty = Brak relacji GDAP spełniających kryteria.
gdap-select = Zaznacz { $name }
gdap-bulk-legend = Z zaznaczonymi relacjami (najwyżej 25)
gdap-bulk-auto-extend = Włącz automatyczne przedłużanie
gdap-bulk-terminate = Zakończ
gdap-next-page = Następna strona
gdap-first-page = Pierwsza strona
gdap-new-subtitle = Relacja nie daje dostępu, dopóki administrator klienta jej nie zatwierdzi.
gdap-field-customer = Klient
gdap-choose-customer = Wybierz klienta
gdap-field-name = Nazwa
gdap-field-name-hint = Najwyżej 50 znaków; każda relacja GDAP partnera ma własną nazwę.
gdap-field-duration = Czas trwania w dniach
gdap-field-duration-hint = Od 1 do 730 dni.
gdap-field-auto-extend = Przedłużyć o 180 dni po zakończeniu
gdap-field-auto-extend-hint = Niedostępne z rolą administratora globalnego.
gdap-field-roles = Role Microsoft Entra
gdap-create = Utwórz
gdap-detail-customer = Klient
gdap-detail-duration = Czas trwania
gdap-detail-days = { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}
gdap-detail-created = Utworzono
gdap-detail-activated = Aktywowano
gdap-detail-ends = Kończy się
gdap-detail-ended = Zakończono
gdap-roles-title = Role Microsoft Entra
gdap-history-title = Historia
gdap-history-empty = Jeszcze nic nie zapisano.
gdap-send = Wyślij do zatwierdzenia
gdap-send-hint = Żądanie otrzymuje link dla administratora klienta, który je zatwierdza lub odrzuca. Jeśli nikt go nie zatwierdzi w ciągu 90 dni, żądanie wygasa.
gdap-approval-link = Link do zatwierdzenia
gdap-approval-link-hint = Proszę przekazać ten link administratorowi klienta { $customer }: po zalogowaniu zatwierdzi lub odrzuci żądanie.
gdap-actions = Akcje
gdap-terminate = Zakończ
gdap-withdraw = Wycofaj żądanie
gdap-auto-extend-turn-on = Włącz automatyczne przedłużanie
gdap-auto-extend-turn-off = Wyłącz automatyczne przedłużanie
gdap-auto-extend-global-admin = Automatyczne przedłużanie jest niedostępne: relacja obejmuje rolę administratora globalnego.
gdap-terminate-question = Zakończyć relację GDAP „{ $name }” z klientem { $customer }?
gdap-terminate-access = Partner { $partner } natychmiast traci role Microsoft Entra, które ta relacja daje w dzierżawie klienta.
gdap-terminate-request = Żądanie zostanie wycofane: link do zatwierdzenia przestanie działać.
gdap-terminate-final = Zakończonej relacji nie można wznowić; nowa wymaga ponownego zatwierdzenia przez klienta.
gdap-bulk-terminate-question = Zakończyć te relacje GDAP?
gdap-bulk-terminate-list = Zaznaczone: { $names }.
gdap-keep = Zachowaj
toast-gdap-created = Utworzono relację GDAP „{ $name }”. Gdy role są właściwe, proszę wysłać ją do zatwierdzenia.
toast-gdap-sent = Relacja „{ $name }” czeka na zatwierdzenie przez klienta. Proszę przekazać poniższy link administratorowi klienta.
toast-gdap-terminated = Zakończono relację GDAP „{ $name }”.
toast-gdap-auto-extend-on = Włączono automatyczne przedłużanie relacji „{ $name }”.
toast-gdap-auto-extend-off = Wyłączono automatyczne przedłużanie relacji „{ $name }”.
toast-gdap-bulk-extended = Włączono automatyczne przedłużanie: { $names }.
toast-gdap-bulk-terminated = Zakończono: { $names }.
toast-gdap-bulk-not-extended = Bez zmian, ponieważ obejmują rolę administratora globalnego lub nie są aktywne: { $names }.
toast-gdap-bulk-not-terminated = Nie zakończono, ponieważ już się zakończyły: { $names }.
mail-gdap-approved-subject = Klient { $customer } zatwierdził relację GDAP „{ $name }”
mail-gdap-approved-body = Użytkownik { $user } zatwierdził relację GDAP „{ $name }” dla klienta { $customer }. Jest aktywna do { $date }.
mail-gdap-terminated-subject = Zakończono relację GDAP „{ $name }” z klientem { $customer }
mail-gdap-terminated-body = Użytkownik { $user } zakończył relację GDAP „{ $name }” z klientem { $customer }. Jej role nie dają już dostępu do dzierżawy klienta.
mail-gdap-ending-subject = Relacja GDAP „{ $name }” z klientem { $customer } kończy się { $date }
mail-gdap-ending-body = Relacja GDAP „{ $name }” z klientem { $customer } kończy się { $date }. Jeśli nie przedłuża się automatycznie, proszę przed tym terminem poprosić administratora klienta o zatwierdzenie nowej.
mail-link-gdap = Relacja: { $link }
account-gdap = Relacje GDAP
account-gdap-none = Brak
account-gdap-ends = kończy się { $date }
account-gdap-request = Poproś o relację GDAP
remove-gdap-legend = { $count ->
    [one] Ten klient ma aktywną relację GDAP:
    [few] Ten klient ma { $count } aktywne relacje GDAP:
   *[other] Ten klient ma { $count } aktywnych relacji GDAP:
}
remove-gdap-ends = kończy się { $date }
remove-gdap-terminate = Zakończ również te relacje GDAP
remove-gdap-hint = Państwa użytkownicy natychmiast utracą role administratora, które dają im te relacje w dzierżawie klienta. Proszę odznaczyć, aby zachować je do ich końca lub do zakończenia przez klienta.
receipt-gdap = Zakończone relacje GDAP
receipt-gdap-none = Brak
# Security groups and GDAP access assignments
groups-title = Grupy zabezpieczeń
groups-subtitle = Grupy użytkowników organizacji { $partner }. Karta Dostęp klienta nadaje grupie część ról relacji GDAP w dzierżawie klienta.
groups-new = Nowa grupa zabezpieczeń
groups-name = Nazwa
groups-create = Utwórz grupę
groups-empty = Nie ma jeszcze grup zabezpieczeń.
groups-caption = Grupy zabezpieczeń organizacji { $partner }
groups-members = Członkowie
groups-member-count = { $count ->
    [one] { $count } członek
    [few] { $count } członków
   *[many] { $count } członków
}
groups-no-members = Ta grupa nie ma jeszcze członków.
groups-members-caption = Członkowie grupy { $name }
groups-actions = Akcje
groups-remove-member = Usuń
groups-remove-member-named = Usuń użytkownika { $name } z grupy
groups-no-candidates = Wszyscy aktywni użytkownicy organizacji już należą do grupy.
groups-add-member-label = Użytkownik
groups-add-member = Dodaj do grupy
groups-rename = Zmiana nazwy
groups-rename-save = Zapisz nazwę
groups-delete = Usuń grupę
groups-delete-blocked = Ta grupa daje dostęp do klientów przez { $count ->
    [one] { $count } przypisanie dostępu GDAP
    [few] { $count } przypisania dostępu GDAP
   *[many] { $count } przypisań dostępu GDAP
}: przed usunięciem grupy proszę usunąć je na kartach Dostęp klientów.
groups-delete-confirm = Usunąć grupę zabezpieczeń „{ $name }”?
groups-delete-title = Usunąć grupę zabezpieczeń „{ $name }”?
groups-delete-members = { $count ->
    [one] { $count } członek opuści grupę.
    [few] { $count } członków opuści grupę.
   *[many] { $count } członków opuści grupę.
}
groups-delete-final = Grupy nie można przywrócić; nowa grupa zaczyna bez członków.
tab-access = Dostęp
access-assignments = Przypisania dostępu GDAP
access-assignments-hint = Każde przypisanie nadaje grupie zabezpieczeń organizacji część ról relacji GDAP w dzierżawie tego klienta.
access-none = Żadna grupa zabezpieczeń nie ma jeszcze dostępu do dzierżawy tego klienta.
access-caption = Przypisania dostępu GDAP dla klienta { $name }
access-group = Grupa zabezpieczeń
access-roles = Role
access-relationship = Relacja GDAP
access-roles-of = Role grupy { $group }
access-save-roles = Zapisz role
access-delete = Usuń przypisanie
access-delete-confirm = Usunąć dostęp grupy „{ $group }” przez relację „{ $name }”?
access-new = Przypisz dostęp
access-no-relationship = Ten klient nie ma aktywnej relacji GDAP: dostęp można przypisać, gdy któraś będzie aktywna.
access-no-groups = Organizacja nie ma jeszcze grup zabezpieczeń: tworzy je administrator globalny lub administrator zarządzania użytkownikami na stronie Użytkownicy.
access-on-relationship = Przez relację „{ $name }”
access-assign = Przypisz
access-who = Kto co może
access-who-hint = Aktywni użytkownicy organizacji, którzy mają role w dzierżawie tego klienta dzięki przypisaniom swoich grup zabezpieczeń w aktywnych lub wygasających relacjach GDAP.
access-who-none = Nikt w organizacji nie ma roli w dzierżawie tego klienta.
access-who-caption = Kto co może w dzierżawie klienta { $name }
access-through = Przez
access-via = { $role }: grupa „{ $group }”, relacja „{ $relationship }”
access-delete-title = Usunąć dostęp grupy „{ $group }” przez relację „{ $name }”?
access-delete-loses = Członkowie grupy „{ $group }” od razu tracą te role w dzierżawie klienta: { $roles }.
access-delete-again = Dostęp można później przypisać ponownie, dopóki relacja jest aktywna.
toast-group-created = Utworzono grupę zabezpieczeń „{ $name }”.
toast-group-renamed = Zmieniono nazwę grupy zabezpieczeń na „{ $name }”.
toast-group-unchanged = Nazwa jest taka sama: nic się nie zmieniło.
toast-group-deleted = Usunięto grupę zabezpieczeń „{ $name }”.
toast-member-added = Dodano użytkownika { $name } do grupy „{ $group }”.
toast-member-already = Użytkownik { $name } już należy do grupy „{ $group }”.
toast-member-removed = Usunięto użytkownika { $name } z grupy „{ $group }”.
toast-member-not-member = Użytkownik { $name } nie należy do grupy „{ $group }”: nic się nie zmieniło.
toast-assignment-created = Grupa „{ $group }” ma teraz dostęp przez relację „{ $name }”.
toast-assignment-roles-changed = Zapisano role przypisania.
toast-assignment-roles-unchanged = Role są takie same: nic się nie zmieniło.
toast-assignment-deleted = Usunięto dostęp grupy „{ $group }” przez relację „{ $name }”.
groups-assigned-in = { $customer }: dostęp przez relację „{ $relationship }”
tenant-signin-intro = Logowanie administratora organizacji: tu widzą Państwo swoich partnerów i przyjmują ich zaproszenia.
tenant-signin-link = Zaloguj się jako administrator organizacji
tenant-home-link = Przejdź do strony Państwa organizacji
invitation-sign-in-needed = Aby przyjąć to zaproszenie, prosimy zalogować się jako administrator wskazanej w nim organizacji. Po zalogowaniu wrócą Państwo na tę stronę.
invitation-first-admin = Pierwszy administrator Państwa organizacji
invitation-first-admin-hint = Ta osoba loguje się na stronie logowania administratorów klientów. Przy pierwszym logowaniu konfiguruje logowanie dwuetapowe z aplikacją uwierzytelniającą.
invitation-admin-name = Imię i nazwisko
invitation-admin-email = Adres e-mail
invitation-admin-password = Hasło
invitation-admin-password-confirm = Hasło (ponownie)
invitation-first-admin-next = Administrator Państwa organizacji może się teraz zalogować i skonfigurować logowanie dwuetapowe.
tenant-role = Administrator klienta
tenant-nav-partners = Partnerzy
tenant-nav-activity = Aktywność
tenant-partners-title = Państwa partnerzy
tenant-partners-subtitle = Partnerzy współpracujący z organizacją { $company }: relacje odsprzedawcy, delegowane uprawnienia administratora i szczegółowe relacje administracyjne (GDAP).
tenant-gdap-pending-title = Oczekujące żądania GDAP
tenant-gdap-pending-none = Żaden partner nie czeka na Państwa zatwierdzenie.
tenant-partners-none = Żaden partner nie ma relacji z Państwa organizacją.
tenant-col-partner = Nazwa partnera
tenant-col-reseller = Odsprzedawca
tenant-col-dap = Delegowane uprawnienia administratora
tenant-col-gdap = Szczegółowe relacje administracyjne
tenant-yes = Tak
tenant-no = Nie
tenant-remove-dap = Usuń delegowane uprawnienia administratora
tenant-gdap-none = Brak
tenant-gdap-ends = kończy się { $date }
tenant-gdap-roles = Role
tenant-gdap-status-created = Utworzona
tenant-gdap-status-approvalPending = Czeka na zatwierdzenie
tenant-gdap-status-approved = Zatwierdzona
tenant-gdap-status-activating = Aktywowana
tenant-gdap-status-active = Aktywna
tenant-gdap-status-expiring = Wygasa
tenant-gdap-status-expired = Wygasła
tenant-gdap-status-terminationRequested = Zażądano zakończenia
tenant-gdap-status-terminating = Kończona
tenant-gdap-status-terminated = Zakończona
tenant-remove-dap-question = Usunąć delegowane uprawnienia administratora partnera { $partner }?
tenant-remove-dap-consequence = { $partner } nie będzie już mógł administrować usługami Państwa organizacji z delegowanymi uprawnieniami administratora.
tenant-remove-dap-reseller-stays = Relacja odsprzedawcy pozostaje: subskrypcje od tego partnera trwają dalej.
tenant-keep = Zachowaj
tenant-activity-subtitle = Zdarzenia w relacjach organizacji { $company } z partnerami oraz logowania jej administratorów.
tenant-activity-none = Nic się jeszcze nie wydarzyło.
tenant-col-when = Kiedy
tenant-col-who = Kto
tenant-col-change = Zmiana
tenant-toast-dap-removed = { $partner } nie ma już delegowanych uprawnień administratora.
tenant-gdap-back = ← Państwa partnerzy
tenant-gdap-pending-item = { $partner } prosi o „{ $name }”
tenant-gdap-status = Stan
tenant-gdap-duration = Czas trwania
tenant-gdap-days = { $count ->
    [one] 1 dzień od zatwierdzenia
   *[other] { $count } dni od zatwierdzenia
}
tenant-gdap-auto-extend = Przedłuża się sama
tenant-gdap-auto-extend-on = Tak, o 180 dni przy końcu, dopóki Państwo lub partner jej nie zakończą
tenant-gdap-end = Koniec
tenant-gdap-approve-consequence = Zatwierdzenie daje firmie { $partner } wymienione wyżej role w dzierżawie Państwa organizacji do końca relacji. Mogą ją Państwo zakończyć w każdej chwili na tej stronie.
tenant-gdap-approve = Zatwierdź
tenant-gdap-decline = Odrzuć
tenant-gdap-terminate = Zakończ tę relację
tenant-gdap-terminate-question = Zakończyć „{ $name }” z firmą { $partner }?
tenant-gdap-terminate-consequence = Firma { $partner } natychmiast straci te role w Państwa dzierżawie. Aby je odzyskać, partner musi poprosić o nową relację, a Państwo muszą ją zatwierdzić.
tenant-toast-gdap-approved = Zatwierdzili Państwo relację GDAP: firma { $partner } ma teraz jej role.
tenant-toast-gdap-declined = Odrzucili Państwo relację GDAP, o którą prosiła firma { $partner }.
tenant-toast-gdap-terminated = Zakończyli Państwo relację GDAP: firma { $partner } nie ma już jej ról.
mail-gdap-declined-subject = Klient { $customer } odrzucił relację GDAP „{ $name }”
mail-gdap-declined-body = Użytkownik { $user } odrzucił relację GDAP „{ $name }” dla klienta { $customer }. Nie daje ona żadnego dostępu; aby poprosić ponownie, proszę utworzyć nowe żądanie.
mail-gdap-extended-subject = Relacja GDAP „{ $name }” z klientem { $customer } przedłużona do { $date }
mail-gdap-extended-body = Relacja GDAP „{ $name }” z klientem { $customer } przedłużyła się automatycznie o 180 dni. Kończy się teraz { $date }.
mail-gdap-expired-subject = Relacja GDAP „{ $name }” z klientem { $customer } wygasła
mail-gdap-expired-body = Relacja GDAP „{ $name }” z klientem { $customer } wygasła { $date }. Jej role nie dają już dostępu do dzierżawy klienta; aby znów pracować w dzierżawie, proszę poprosić administratora klienta o zatwierdzenie nowej relacji.
tenant-nav-admins = Administratorzy
tenant-admins-subtitle = Administratorzy organizacji { $company }, którzy logują się tutaj. Każdy może dodać kolejnego, zresetować innemu hasło lub logowanie dwuetapowe i wyłączyć innego.
tenant-admins-name = Imię i nazwisko
tenant-admins-email = Adres e-mail
tenant-admins-col-status = Stan
tenant-admins-col-second-step = Logowanie dwuetapowe
tenant-admins-active = Aktywny
tenant-admins-disabled = Wyłączony
tenant-admins-second-step-on = Skonfigurowane
tenant-admins-second-step-off = Jeszcze nieskonfigurowane
tenant-admins-you = Państwa konto
tenant-admins-reset-password = Zresetuj hasło
tenant-admins-reset-second-step = Zresetuj logowanie dwuetapowe
tenant-admins-disable = Wyłącz
tenant-admins-enable = Włącz
tenant-admins-add = Dodaj administratora
tenant-admins-add-hint = Nowy administrator otrzyma hasło jednorazowe, pokazane tu tylko raz, do przekazania. Przy pierwszym logowaniu ustawi własne hasło i skonfiguruje aplikację uwierzytelniającą.
tenant-admins-added = Dodano administratora { $name }.
tenant-admins-password-reset = Zresetowano hasło administratora { $name } i zakończono jego sesje.
tenant-admins-shown-once = To hasło jest pokazywane tylko raz. Proszę przekazać je administratorowi { $name } osobiście lub innym kanałem niż e-mail.
tenant-admins-one-time-password = Hasło jednorazowe
tenant-toast-admin-second-step-reset = Zresetowano logowanie dwuetapowe administratora { $name } i zakończono jego sesje: skonfiguruje je ponownie przy następnym logowaniu.
tenant-toast-admin-second-step-none = Administrator { $name } nie ma jeszcze skonfigurowanego logowania dwuetapowego: niczego nie zresetowano.
tenant-toast-admin-disabled = Wyłączono administratora { $name }; nie może się już logować.
tenant-toast-admin-enabled = Włączono ponownie administratora { $name }; może się logować.
tenant-toast-admin-unchanged = Nic się nie zmieniło: administrator { $name } już był w tym stanie.
