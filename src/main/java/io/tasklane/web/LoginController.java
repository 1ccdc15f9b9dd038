package io.tasklane.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security takes the form's POST (see security/SecurityConfig). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
