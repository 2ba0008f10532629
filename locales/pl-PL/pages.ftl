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
