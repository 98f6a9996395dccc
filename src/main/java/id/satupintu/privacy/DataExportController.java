package id.satupintu.privacy;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import id.satupintu.identity.CitizenPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The signed-in citizen's "download my data": only their own, as a ZIP, never cached. */
@Controller
class DataExportController {

    static final String PATH = "/citizen/data";

    private final DataExport exports;

    DataExportController(DataExport exports) {
        this.exports = exports;
    }

    @GetMapping(PATH)
    ResponseEntity<StreamingResponseBody> download(Locale locale) {
        DataExport.Export export = exports.of(CitizenPrincipal.requireCurrent());
        String name = "satupintu-data-" + DateTimeFormatter.BASIC_ISO_DATE.format(
                export.at().atZone(ZoneId.of("Asia/Jakarta"))) + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(out -> exports.write(export, locale, out));
    }
}
