/** The corpus documents, in the order of the README. */
import type { CorpusDocument } from "../markup.js";
import nqCp from "./nq-cp-chuong-trinh-giao-duc.js";
import doThi from "./kh-ubnd-do-thi-tuyen-quang.js";
import bnnmt from "./kh-bnnmt-chuyen-doi-so.js";
import xa from "./kh-ubnd-xa-cai-cach-hanh-chinh.js";
import tinhUy from "./bc-tinh-uy-nong-nghiep.js";
import duAn from "./bc-ubnd-du-an-giao-thong.js";
import nhanLuc from "./kh-ubnd-nhan-luc-gia-lai.js";
import duAnTrongDiem from "./kh-ubnd-du-an-trong-diem-quang-ngai.js";
import chuongTrinhTinhUy from "./ctr-tu-khoa-hoc-cong-nghe.js";
import quyetDinh from "./qd-ubnd-giam-ngheo.js";
import chiThi from "./ct-ubnd-chuyen-doi-so.js";
import nghiQuyetHdnd from "./nq-hdnd-kinh-te-xa-hoi.js";
import congVan from "./cv-ubnd-giai-ngan.js";
import soYTe from "./kh-so-y-te-tiem-chung.js";
import duLich from "./kh-ubnd-du-lich-cong-dong.js";
import thienTai from "./kh-snnmt-phong-chong-thien-tai.js";
import chiThiTtg from "./ct-ttg-giai-ngan.js";

export const DOCUMENTS: CorpusDocument[] = [nqCp, doThi, bnnmt, xa, tinhUy, duAn, nhanLuc, duAnTrongDiem, chuongTrinhTinhUy, quyetDinh, chiThi, nghiQuyetHdnd, congVan, soYTe, duLich, thienTai, chiThiTtg];
